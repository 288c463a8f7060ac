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
    skills: 0.35
    title: 0.2
    seniority: 0.1
    remote: 0.1
    pay: 0.15
    recency: 0.1
    client: 0.1

drafting:
  # How many of the best shortlisted postings get drafts after ranking.
  top: 10

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
`;
