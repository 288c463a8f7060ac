import type { z } from 'zod';
import { DomainError } from './errors.js';

/** Each zod issue as `path: reason`, the path dotted (`llm.providers.0.type`). */
export function formatIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    return `${path === '' ? '(root)' : path}: ${issue.message}`;
  });
}

/** Parses with a schema or throws INVALID_INPUT naming the input and every problem. */
export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  value: unknown,
  what: string,
): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = formatIssues(result.error);
  throw new DomainError('INVALID_INPUT', `${what} is invalid: ${problems.join('; ')}`, {
    details: { problems },
  });
}
