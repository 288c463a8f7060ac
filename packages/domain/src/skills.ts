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
  const key = raw.trim().toLowerCase().replace(/\s+/g, ' ');
  return (
    CANONICAL.get(key) ??
    CANONICAL.get(key.replace(/[\s.-]?js$/, '')) ??
    CANONICAL.get(key.replace(/\s*v?\d+(\.\d+)*$/, '')) ??
    raw.trim().replace(/\s+/g, ' ')
  );
}

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

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
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

const TEXT_PATTERNS: readonly { canonical: string; pattern: RegExp }[] = [...CANONICAL.entries()]
  .filter(([alias]) => !TEXT_UNSAFE.has(alias) && alias.length > 1)
  .map(([alias, canonical]) => {
    const capitalized = CAPITALIZED_ONLY.has(alias);
    const word = capitalized ? alias[0]!.toUpperCase() + alias.slice(1) : alias;
    return {
      canonical,
      pattern: new RegExp(
        `(^|[^A-Za-z0-9+#])${escapeRegExp(word)}(?![A-Za-z0-9+#])`,
        capitalized ? '' : 'i',
      ),
    };
  });

/** "Go" the language, not the verb: named next to another language or as a role. */
const GO_LANGUAGE =
  /\b[Gg]olang\b|\bGo (developer|engineer|services?|backend|microservices)\b|\b(in|with|using|and|or) Go\b(?![-/])|\bGo(?= ?(,|and|or|\/) ?(Rust|Python|Java|Node|TypeScript|Kotlin|C\+\+|Scala|Elixir)\b)/;

/** Skills of the vocabulary that the text names, canonical and distinct. */
export function extractSkills(text: string): string[] {
  const found = new Set<string>();
  for (const { canonical, pattern } of TEXT_PATTERNS) {
    if (!found.has(canonical) && pattern.test(text)) found.add(canonical);
  }
  if (GO_LANGUAGE.test(text)) found.add('Go');
  return [...found];
}
