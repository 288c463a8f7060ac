/**
 * Skills the shared vocabulary (../skills.ts) does not know yet, kept here so ranking can
 * see them: a posting titled "Backend Engineer (Elixir)" is about a stack, and a profile
 * listing gRPC or Prometheus has them. Additive only: the shared vocabulary wins wherever
 * it knows a name.
 */
import { extractSkills, normalizeSkill } from '../skills.js';

/**
 * Canonical name, then lower-case spellings matched in text as whole words in any case; a
 * spelling written `=Like This` is also an ordinary word and is matched only as written.
 */
const EXTRA: readonly (readonly string[])[] = [
  ['Elixir', '=Elixir', 'phoenix framework'],
  ['Scala', '=Scala'],
  ['Clojure', 'clojure'],
  ['Haskell', 'haskell'],
  ['Erlang', 'erlang'],
  ['Perl', '=Perl'],
  ['Objective-C', 'objective-c', 'objective c'],
  ['Solidity', 'solidity'],
  ['gRPC', 'grpc'],
  ['Protobuf', 'protobuf', 'protocol buffers'],
  ['Helm', 'helm charts', '=Helm'],
  ['Prometheus', 'prometheus'],
  ['Grafana', 'grafana'],
  ['OpenTelemetry', 'opentelemetry', '=OTel'],
  ['Datadog', 'datadog'],
  ['Argo CD', 'argo cd', 'argocd'],
  ['Istio', 'istio'],
  ['ClickHouse', 'clickhouse'],
  ['Cassandra', 'cassandra'],
  ['DynamoDB', 'dynamodb'],
  ['SQS', '=SQS'],
  ['NATS', '=NATS'],
  ['Pulsar', 'apache pulsar'],
  ['Celery', '=Celery'],
  ['SQLAlchemy', 'sqlalchemy'],
  ['ETL', '=ETL', '=ELT'],
  ['Data Modeling', 'data modeling', 'data modelling', 'dimensional modeling'],
  ['Data Visualization', 'data visualization', 'data visualisation', 'dashboarding'],
  ['Google Analytics', 'google analytics', 'ga4'],
  ['Interaction Design', 'interaction design'],
  ['Usability Testing', 'usability testing', 'usability tests'],
  ['Mobile App Design', 'mobile app design', 'mobile design'],
  ['Web Design', 'web design', 'website design'],
  ['Motion Design', 'motion design', 'motion graphics'],
  ['After Effects', 'after effects'],
  ['FigJam', 'figjam'],
  ['Framer', '=Framer'],
  ['Maze', '=Maze'],
  ['Salesforce', 'salesforce'],
  ['HubSpot', 'hubspot'],
];

const CANONICAL = new Map<string, string>();
const loose: string[] = [];
const exact: string[] = [];
for (const [name, ...spellings] of EXTRA) {
  if (name === undefined) continue;
  CANONICAL.set(name.toLowerCase(), name);
  for (const s of spellings) {
    const written = s.startsWith('=') ? s.slice(1) : s;
    CANONICAL.set(written.toLowerCase(), name);
    (s.startsWith('=') ? exact : loose).push(written);
  }
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternation = (list: string[]): string =>
  `(?<![\\w+#])(?:${[...list]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|')})(?![\\w+#])`;
const LOOSE_TEXT = new RegExp(alternation(loose), 'gi');
const EXACT_TEXT = new RegExp(alternation(exact), 'g');

const LANGUAGES = String.raw`(?:Python|Rust|Java|Kotlin|Scala|Elixir|Ruby|PHP|Node(?:\.js)?|TypeScript|C\+\+|C#)`;
/**
 * Go the language where the shared rules miss it: next to another language ("Python/Go",
 * "from Python to Go"), after a word only a language takes ("production Go", "idiomatic
 * Go"), or leading a requirement bullet ("Go in production", "Go (1.21+)").
 */
const GO_MORE = new RegExp(
  [
    String.raw`${LANGUAGES}\s?(?:\/|,|&|\+)\s?Go\b`,
    String.raw`${LANGUAGES} to Go\b`,
    String.raw`\b(?:production|writing|write|idiomatic|modern|experienced|proficient|strong|solid|fluent)\s+Go\b`,
    String.raw`\b(?:years?|yrs)\s+(?:of\s+)?(?:experience\s+)?(?:of|in|with)\s+Go\b`,
    String.raw`(?:^|[•\-*·]\s*)Go\b(?=\s*(?:in production|experience|programming|developer|engineer|\(|,|\/|and\b|or\b|$))`,
  ].join('|'),
  'm',
);

/** A skill name in canonical form: the shared vocabulary first, then this list. */
export function canonicalSkill(raw: string): string {
  const shared = normalizeSkill(raw);
  return CANONICAL.get(shared.toLowerCase()) ?? shared;
}

/** Skills a text names: the shared vocabulary's, then this list's, each once. */
export function findSkills(text: string): string[] {
  const found = extractSkills(text);
  const seen = new Set(found);
  if (!seen.has('Go') && text.includes('Go') && GO_MORE.test(text)) {
    found.push('Go');
    seen.add('Go');
  }
  for (const pattern of [LOOSE_TEXT, EXACT_TEXT])
    for (const m of text.matchAll(pattern)) {
      const name = CANONICAL.get(m[0].toLowerCase());
      if (name !== undefined && !seen.has(name)) {
        found.push(name);
        seen.add(name);
      }
    }
  return found;
}
