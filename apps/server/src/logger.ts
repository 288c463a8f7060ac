import { pino, type Logger, type DestinationStream } from 'pino';

/** Paths of log fields that may carry secrets; pino replaces their values. */
const REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'headers.cookie',
  '*.apiKey',
  '*.token',
  '*.password',
  'databaseUrl',
];

export type { Logger };

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    { level, base: { service: 'applydesk' }, redact: { paths: REDACT, censor: '[redacted]' } },
    destination,
  );
}
