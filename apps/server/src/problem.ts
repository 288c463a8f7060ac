import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { type DomainError, type ErrorCode } from '@applydesk/domain';

const STATUS: Record<ErrorCode, ContentfulStatusCode> = {
  INVALID_INPUT: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  ILLEGAL_TRANSITION: 409,
  CONFIG_INVALID: 500,
  CONFIG_NOT_FOUND: 500,
  DATABASE_UNAVAILABLE: 503,
  DATABASE_DIRECTORY_MISSING: 503,
  DATABASE_TOO_NEW: 503,
  PORT_IN_USE: 500,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  RATE_LIMITED: 429,
  UPSTREAM_FAILED: 502,
  INTERNAL: 500,
};

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  hint?: string;
  errors?: { path: string; reason: string }[];
}

function titleOf(code: string): string {
  const words = code.toLowerCase().split('_');
  return words.map((w, i) => (i === 0 ? w[0]?.toUpperCase() + w.slice(1) : w)).join(' ');
}

export function problemBody(
  status: number,
  code: string,
  detail: string,
  extra: Partial<ProblemBody> = {},
): ProblemBody {
  return {
    type: `https://applydesk.dev/problems/${code.toLowerCase().replace(/_/g, '-')}`,
    title: titleOf(code),
    status,
    detail,
    code,
    ...extra,
  };
}

/** Answers an error as application/problem+json; only this layer knows HTTP statuses. */
export function problemResponse(
  c: Context,
  status: ContentfulStatusCode,
  body: ProblemBody,
): Response {
  return c.body(JSON.stringify(body), status, { 'content-type': 'application/problem+json' });
}

export function domainErrorResponse(c: Context, error: DomainError): Response {
  const status = STATUS[error.code];
  const problems = error.details?.problems;
  const errors = Array.isArray(problems)
    ? problems.map((p) => {
        const text = String(p);
        const at = text.indexOf(': ');
        return at < 0
          ? { path: '', reason: text }
          : { path: text.slice(0, at), reason: text.slice(at + 2) };
      })
    : undefined;
  return problemResponse(
    c,
    status,
    problemBody(status, error.code, error.message, {
      ...(error.hint === undefined ? {} : { hint: error.hint }),
      ...(errors === undefined ? {} : { errors }),
    }),
  );
}
