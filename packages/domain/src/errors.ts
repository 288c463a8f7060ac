/**
 * The one error type of ApplyDesk. `code` is stable and machine-readable; `message` says
 * what went wrong in one line; `hint` says how to fix it. Only the edges (server, CLI, MCP)
 * map codes to HTTP statuses, exit codes or protocol errors.
 */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'ILLEGAL_TRANSITION',
  'CONFIG_INVALID',
  'CONFIG_NOT_FOUND',
  'DATABASE_UNAVAILABLE',
  'DATABASE_DIRECTORY_MISSING',
  'DATABASE_TOO_NEW',
  'PORT_IN_USE',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'RATE_LIMITED',
  'UPSTREAM_FAILED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface DomainErrorOptions {
  hint?: string;
  details?: Record<string, unknown>;
  cause?: unknown;
}

export class DomainError extends Error {
  override readonly name = 'DomainError';
  readonly code: ErrorCode;
  readonly hint: string | undefined;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, options: DomainErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.hint = options.hint;
    this.details = options.details;
  }
}

export function isDomainError(value: unknown, code?: ErrorCode): value is DomainError {
  return value instanceof DomainError && (code === undefined || value.code === code);
}
