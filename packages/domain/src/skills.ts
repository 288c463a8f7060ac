import { ONET_SKILLS, type OnetSkill } from './skills-onet.js';

/**
 * A small built-in skill vocabulary: canonical name first, then the spellings that mean it.
 * It folds the common variants ("ReactJS", "React.js" -> React; "k8s" -> Kubernetes) so a
 * profile and a posting compare on the same words.
 */
const VOCABULARY: readonly (readonly string[])[] = [
  ['JavaScript', 'js', 'javascript', 'ecmascript', 'es6'],
  ['TypeScript', 'ts', 'typescript'],
  ['Node.js', 'node', 'nodejs', 'node.js', 'node js'],
  ['React', 'react', 'reactjs', 'react.js', 'react js'],
  ['React Native', 'react native', 'react-native'],
  ['Next.js', 'next.js', 'nextjs', 'next js'],
  ['Vue.js', 'vue', 'vuejs', 'vue.js', 'vue 3'],
  ['Angular', 'angular', 'angularjs'],
  ['Svelte', 'svelte', 'sveltekit'],
  ['HTML', 'html', 'html5'],
  ['CSS', 'css', 'css3', 'scss', 'sass'],
  ['Tailwind CSS', 'tailwind', 'tailwindcss', 'tailwind css'],
  ['GraphQL', 'graphql'],
  ['REST APIs', 'rest', 'rest api', 'rest apis', 'restful', 'restful apis'],
  ['Python', 'python', 'python3'],
  ['Django', 'django'],
  ['Flask', 'flask'],
  ['FastAPI', 'fastapi'],
  ['Go', 'go', 'golang'],
  ['Rust', 'rust'],
  ['Java', 'java'],
  ['Kotlin', 'kotlin'],
  ['Spring', 'spring', 'spring boot', 'springboot'],
  ['C#', 'c#', 'csharp', '.net', 'dotnet', 'asp.net'],
  ['C++', 'c++', 'cpp'],
  ['Ruby', 'ruby'],
  ['Ruby on Rails', 'rails', 'ruby on rails', 'ror'],
  ['PHP', 'php'],
  ['Laravel', 'laravel'],
  ['WordPress', 'wordpress', 'wp'],
  ['Shopify', 'shopify', 'liquid'],
  ['Swift', 'swift', 'swiftui'],
  ['iOS', 'ios'],
  ['Android', 'android'],
  ['Flutter', 'flutter', 'dart'],
  ['SQL', 'sql'],
  ['PostgreSQL', 'postgres', 'postgresql', 'psql'],
  ['MySQL', 'mysql', 'mariadb'],
  ['SQLite', 'sqlite'],
  ['MongoDB', 'mongo', 'mongodb'],
  ['Redis', 'redis'],
  ['Elasticsearch', 'elasticsearch', 'elastic search', 'opensearch'],
  ['Kafka', 'kafka', 'apache kafka'],
  ['RabbitMQ', 'rabbitmq'],
  ['AWS', 'aws', 'amazon web services'],
  ['GCP', 'gcp', 'google cloud', 'google cloud platform'],
  ['Azure', 'azure', 'microsoft azure'],
  ['Docker', 'docker', 'containers'],
  ['Kubernetes', 'kubernetes', 'k8s'],
  ['Terraform', 'terraform'],
  ['CI/CD', 'ci/cd', 'cicd', 'continuous integration', 'github actions', 'gitlab ci'],
  ['Linux', 'linux'],
  ['Git', 'git'],
  ['Microservices', 'microservices', 'microservice'],
  ['Machine Learning', 'machine learning', 'ml'],
  ['LLMs', 'llm', 'llms', 'large language models', 'openai', 'gpt'],
  ['PyTorch', 'pytorch'],
  ['TensorFlow', 'tensorflow'],
  ['Pandas', 'pandas'],
  ['NumPy', 'numpy'],
  ['Excel', 'excel', 'microsoft excel', 'spreadsheets'],
  ['Tableau', 'tableau'],
  ['Power BI', 'power bi', 'powerbi'],
  ['Looker', 'looker', 'looker studio'],
  ['dbt', 'dbt'],
  ['Airflow', 'airflow', 'apache airflow'],
  ['Spark', 'spark', 'apache spark', 'pyspark'],
  ['Snowflake', 'snowflake'],
  ['BigQuery', 'bigquery'],
  ['Statistics', 'statistics', 'statistical analysis'],
  ['A/B Testing', 'a/b testing', 'ab testing', 'experimentation'],
  ['Figma', 'figma'],
  ['Sketch', 'sketch'],
  ['Adobe XD', 'adobe xd', 'xd'],
  ['Photoshop', 'photoshop', 'adobe photoshop'],
  ['Illustrator', 'illustrator', 'adobe illustrator'],
  ['UI Design', 'ui design', 'ui', 'user interface design', 'visual design'],
  ['UX Design', 'ux design', 'ux', 'user experience', 'ux research', 'user research'],
  ['Prototyping', 'prototyping', 'wireframing', 'wireframes'],
  ['Design Systems', 'design system', 'design systems'],
  ['Branding', 'branding', 'brand identity', 'logo design'],
  ['Webflow', 'webflow'],
  ['SEO', 'seo', 'search engine optimization'],
  ['Copywriting', 'copywriting', 'content writing'],
  ['Accessibility', 'accessibility', 'a11y', 'wcag'],
  ['Testing', 'testing', 'unit testing', 'tdd', 'jest', 'vitest', 'playwright', 'cypress'],
  ['Security', 'security', 'appsec', 'owasp'],
  ['Scrum', 'scrum', 'agile'],
];

const CANONICAL = new Map<string, string>();
for (const [canonical, ...aliases] of VOCABULARY) {
  if (canonical === undefined) continue;
  CANONICAL.set(canonical.toLowerCase(), canonical);
  for (const alias of aliases) CANONICAL.set(alias, canonical);
}
/** The hand-written spellings: they win over O*NET's and keep their own rules for text. */
const HAND_WRITTEN: ReadonlyMap<string, string> = new Map(CANONICAL);

/**
 * O*NET technology skills (src/skills-onet.ts) widen the vocabulary: an entry whose name or
 * alias the vocabulary already knows folds into that skill ("Apache Kafka" -> Kafka,
 * "Microsoft Excel" -> Excel), the rest become skills of their own. Spellings already taken
 * keep their first meaning.
 */
const ONET_CANONICAL: readonly { skill: OnetSkill; canonical: string }[] = ONET_SKILLS.map(
  (skill) => {
    const keys = [skill.name.toLowerCase(), ...skill.aliases];
    let canonical = skill.name;
    for (const key of keys) {
      const known = CANONICAL.get(key);
      if (known !== undefined) {
        canonical = known;
        break;
      }
    }
    for (const key of keys) if (!CANONICAL.has(key)) CANONICAL.set(key, canonical);
    return { skill, canonical };
  },
);

/** Aliases too ambiguous to find in running text (they are also ordinary words). */
const TEXT_UNSAFE = new Set([
  'go',
  'ts',
  'js',
  'ui',
  'ux',
  'ml',
  'wp',
  'xd',
  'rest',
  'node',
  'sketch',
  'spring',
  'swift',
  'ror',
  'git',
  'containers',
  'testing',
  'security',
  'gpt',
]);

/**
 * The canonical spelling of a skill, or the input tidied when it is not in the vocabulary.
 * Spacing, case, a `.js`/`js` suffix and a trailing version ("Python 3", "Vue 3.4") are
 * folded, but only into a name the vocabulary knows ("Web3" and "AWS S3" stay as they are).
 */
export function normalizeSkill(raw: string): string {
  return NORMALIZED_NAMES.get(raw) ?? normalizeAnySkill(raw);
}

function normalizeAnySkill(raw: string): string {
  const key = raw.trim().toLowerCase().replace(/\s+/g, ' ');
  return (
    CANONICAL.get(key) ??
    CANONICAL.get(key.replace(/[\s.-]?js$/, '')) ??
    CANONICAL.get(key.replace(/\s*v?\d+(\.\d+)*$/, '')) ??
    raw.trim().replace(/\s+/g, ' ')
  );
}

/**
 * normalizeSkill of every canonical name, worked out once: extractSkills yields only these,
 * and prepareJob normalizes each posting's skills.
 */
const NORMALIZED_NAMES = new Map<string, string>();
for (const name of new Set(CANONICAL.values())) NORMALIZED_NAMES.set(name, normalizeAnySkill(name));

/** Distinct canonical skills, first spelling wins, order kept. */
export function normalizeSkills(raw: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const item of raw) {
    const skill = normalizeSkill(item);
    const id = skill.toLowerCase();
    if (skill === '' || seen.has(id)) continue;
    seen.add(id);
    out.push(skill);
  }
  return out;
}

/** Aliases that are also ordinary words: found in text only when capitalized as a name. */
const CAPITALIZED_ONLY = new Set([
  'react',
  'excel',
  'spark',
  'rails',
  'liquid',
  'flask',
  'flutter',
  'dart',
  'ruby',
  'looker',
  'angular',
]);

/** A spelling to look for in text, keyed by its first run of word characters. */
interface TextSpelling {
  /** As written when `exact`, else lower case. */
  readonly spelling: string;
  readonly canonical: string;
  readonly exact: boolean;
  /** Characters before the first run (".net" has one). */
  readonly lead: number;
  /** Position in the vocabulary: results come out in this order, as they always have. */
  readonly order: number;
}

/** Characters that continue a word for skill matching: "C++" and "C#" are one word. */
function isWordChar(code: number): boolean {
  return (
    (code >= 97 && code <= 122) || // a-z
    (code >= 65 && code <= 90) || // A-Z
    (code >= 48 && code <= 57) || // 0-9
    code === 43 || // +
    code === 35 // #
  );
}

/** Each ASCII word character lower-cased, 0 for any other: one load per character of text. */
const WORD_FOLD = new Uint8Array(128);
for (let c = 0; c < 128; c++) if (isWordChar(c)) WORD_FOLD[c] = c >= 65 && c <= 90 ? c + 32 : c;

/**
 * Spellings by the FNV-1a hash of their first run, lower-cased, less its two low bits (a
 * small integer key, which a Map looks up faster): text is scanned without building a
 * string per word. Spellings whose runs collide share a list; standsAt checks
 * the whole spelling, so a collision only costs a comparison.
 */
const BY_FIRST_RUN = new Map<number, TextSpelling[]>();
/** Every spelling by its position in the vocabulary. */
const BY_ORDER: TextSpelling[] = [];
/** One bit per hash value modulo its size: most words of a text are no spelling's first run. */
const FIRST_RUN_BITS = new Uint32Array(1 << 11);

/** FNV-1a of text[from, to) with ASCII letters lower-cased. */
function runHash(text: string, from: number, to: number): number {
  let hash = 0x811c9dc5;
  for (let k = from; k < to; k++) {
    let c = text.charCodeAt(k);
    if (c >= 65 && c <= 90) c += 32;
    hash = Math.imul(hash ^ c, 0x01000193);
  }
  return hash >>> 0;
}

function addSpelling(spelling: string, canonical: string, exact: boolean, order: number): void {
  let lead = 0;
  while (lead < spelling.length && !isWordChar(spelling.charCodeAt(lead))) lead++;
  let end = lead;
  while (end < spelling.length && isWordChar(spelling.charCodeAt(end))) end++;
  if (end === lead) return;
  const hash = runHash(spelling, lead, end);
  const key = hash >>> 2;
  const entry: TextSpelling = { spelling, canonical, exact, lead, order };
  BY_ORDER[order] = entry;
  const list = BY_FIRST_RUN.get(key);
  if (list === undefined) BY_FIRST_RUN.set(key, [entry]);
  else list.push(entry);
  FIRST_RUN_BITS[(hash >>> 5) & (FIRST_RUN_BITS.length - 1)]! |= 1 << (hash & 31);
}

let order = 0;
for (const [alias, canonical] of HAND_WRITTEN) {
  if (TEXT_UNSAFE.has(alias) || alias.length <= 1) continue;
  const capitalized = CAPITALIZED_ONLY.has(alias);
  addSpelling(
    capitalized ? alias[0]!.toUpperCase() + alias.slice(1) : alias,
    canonical,
    capitalized,
    order++,
  );
}
// O*NET spellings are names as their makers write them ("Jenkins", "SQL Server"): matched
// case-sensitively, and never where the hand-written vocabulary already decides.
for (const { skill, canonical } of ONET_CANONICAL) {
  for (const spelling of skill.text) {
    if (spelling.length > 1 && !HAND_WRITTEN.has(spelling.toLowerCase()))
      addSpelling(spelling, canonical, true, order++);
  }
}

/** Whether `spelling` stands at `start` in `text` as a whole word (ASCII case folded unless exact). */
function standsAt(text: string, start: number, s: TextSpelling): boolean {
  const end = start + s.spelling.length;
  if (start < 0 || end > text.length) return false;
  if (start > 0 && isWordChar(text.charCodeAt(start - 1))) return false;
  if (end < text.length && isWordChar(text.charCodeAt(end))) return false;
  for (let k = 0; k < s.spelling.length; k++) {
    let c = text.charCodeAt(start + k);
    if (!s.exact && c >= 65 && c <= 90) c += 32;
    if (c !== s.spelling.charCodeAt(k)) return false;
  }
  return true;
}

/** "Go" the language, not the verb: named next to another language or as a role. */
const GO_LANGUAGE =
  /\b[Gg]olang\b|\bGo (developer|engineer|services?|backend|microservices)\b|\b(in|with|using|and|or) Go\b(?![-/])|\bGo(?= ?(,|and|or|\/) ?(Rust|Python|Java|Node|TypeScript|Kotlin|C\+\+|Scala|Elixir)\b)/;

/**
 * Skills of the vocabulary that the text names, canonical and distinct, in vocabulary order.
 * One pass over the text: each word is looked up among the spellings that start with it.
 */
export function extractSkills(text: string): string[] {
  // The position in the vocabulary of every spelling found, repeats and all.
  const found: number[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    let c = text.charCodeAt(i);
    let folded = c < 128 ? WORD_FOLD[c]! : 0;
    if (folded === 0) {
      i++;
      continue;
    }
    let hash = 0x811c9dc5;
    let j = i;
    while (folded !== 0) {
      hash = Math.imul(hash ^ folded, 0x01000193);
      if (++j === n) break;
      c = text.charCodeAt(j);
      folded = c < 128 ? WORD_FOLD[c]! : 0;
    }
    hash >>>= 0;
    const candidates =
      (FIRST_RUN_BITS[(hash >>> 5) & (FIRST_RUN_BITS.length - 1)]! & (1 << (hash & 31))) === 0
        ? undefined
        : BY_FIRST_RUN.get(hash >>> 2);
    if (candidates !== undefined) {
      for (const s of candidates) if (standsAt(text, i - s.lead, s)) found.push(s.order);
    }
    i = j;
  }
  // Each skill where its first spelling in the vocabulary stands: numbers sort as numbers
  // in a typed array.
  const skills: string[] = [];
  for (const at of Int32Array.from(found).sort()) {
    const skill = BY_ORDER[at]!.canonical;
    if (!skills.includes(skill)) skills.push(skill);
  }
  // Every form GO_LANGUAGE matches holds "Go" or "golang": most texts skip the pattern.
  if (
    !skills.includes('Go') &&
    (text.includes('Go') || text.includes('golang')) &&
    GO_LANGUAGE.test(text)
  )
    skills.push('Go');
  return skills;
}
