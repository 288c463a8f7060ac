/** The commented starter file `applydesk init` writes. Every value shown is the default. */
export const STARTER_CONFIG = `# ApplyDesk configuration.
# Secrets (API keys, DATABASE_URL with a password) belong in the environment or in .env,
# never in this file. Run \`applydesk doctor\` after editing to check it.

database:
  # SQLite file used when DATABASE_URL is not set. Relative paths are relative to this file.
  # path: applydesk.sqlite

server:
  # Bound to loopback: only this machine can reach the API and the dashboard.
  host: 127.0.0.1
  port: 7070

ranking:
  # Postings scoring at or above this (0-100) are shortlisted.
  min_match_score: 70
  # Relative weight of each part of the score; 0 turns a part off.
  weights:
    relevance: 0.2    # BM25 of the posting against your titles, skills and roles
    skills: 0.25      # required and nice-to-have skills, with the years asked
    title: 0.15
    seniority: 0.08
    employment: 0.07  # full-time, part-time, contract, freelance
    remote: 0.08      # remote, hybrid or on-site
    location: 0.08    # where remote work may be done from, working hours, commute
    pay: 0.1          # salary or rate against your floor, other currencies converted
    recency: 0.07
    client: 0.1       # freelance posts: payment verified, spend, rating, proposals
  # Postings up to this many days old are high, medium and low priority.
  recency:
    high_days: 3
    medium_days: 14
    low_days: 30

# Hard rules. A posting that breaks one is kept, with the rule and the reason, but never
# shortlisted: \`applydesk jobs list --rejected\` shows them, \`applydesk jobs override <id>\` lets one through.
filters:
  platforms: []              # source types allowed, e.g. [greenhouse, lever, upwork]; empty: all
  locations: []              # e.g. [Berlin, Germany, remote]; "remote" admits remote postings
  # salary_min: 90000        # USD a year, or { amount: 85000, currency: EUR, period: year }
  experience_level: []       # intern, junior, mid, senior, lead, principal, executive,
                             # or Upwork's entry, intermediate, expert
  keywords:
    required: []             # every one must appear in the title or description
    any: []                  # at least one must appear
    excluded: []             # none may appear
  companies_excluded: []
  # posted_within_days: 30
  # applied_company_within_days: 90   # once per company in this many days
  # daily_cap: 20                     # at most this many newly shortlisted a day

drafting:
  # How many of the best shortlisted postings get drafts after ranking.
  top: 10
  # warm or direct
  tone: warm
  # Your own instructions for each kind of draft, added to every prompt:
  # templates:
  #   proposal: "Open with one line on their problem, then three short paragraphs; end with a question."
  #   cover_letter: "No more than four paragraphs."

log:
  # fatal, error, warn, info, debug, trace or silent
  level: info

# Where postings come from. \`applydesk sources list\` shows every type and its options;
# keys for keyed APIs come from the environment (.env), never from this file.
sources: []
#  - name: acme
#    type: greenhouse
#    board: acme
#  - name: remote-boards
#    type: remotive
#    search: typescript
#    schedule: "0 */6 * * *"

http:
  # proxies: [http://proxy.example:3128]
  timeout_seconds: 30
  requests_per_minute_per_host: 60

# Language models. With none configured, drafts come from the offline writer (no model needed).
# Keys come from the environment (.env), from the variable apiKeyEnv names, never from this file.
# llm:
#   providers:
#     - name: openai
#       type: openai                  # openai, anthropic, google, cohere or openai-compatible
#       # apiKeyEnv: OPENAI_API_KEY   # the default for openai
#       limits: { rpm: 60, tpm: 200000, concurrency: 4 }   # requests queue, never dropped
#     - name: claude
#       type: anthropic               # key from ANTHROPIC_API_KEY
#     - name: local
#       type: openai-compatible       # Ollama, LM Studio, vLLM: no key unless apiKeyEnv is set
#       baseUrl: http://127.0.0.1:11434/v1
#   tasks:                            # the models to try in order, as provider:model
#     analysis: [openai:gpt-4.1-mini, local:llama3.1:8b]
#     drafting: [claude:claude-sonnet-4-20250514, openai:gpt-4.1-mini]
#     embeddings: [openai:text-embedding-3-small]
#     research: []
#   budget:                           # calls stop with an error once a cap is spent (UTC)
#     daily_usd: 2
#     monthly_usd: 20
#   prices:                           # USD per million tokens, over the built-in table
#     "local:llama3.1:8b": { input_per_mtok: 0, output_per_mtok: 0 }
#   timeout_seconds: 60
`;
