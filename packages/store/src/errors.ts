import { DomainError } from '@applydesk/domain';

function codeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const code = error.code;
  return typeof code === 'string' ? code : undefined;
}

/** better-sqlite3 reports SQLITE_CONSTRAINT_UNIQUE / _PRIMARYKEY; pg reports SQLSTATE 23505. */
export function isUniqueViolation(error: unknown): boolean {
  const code = codeOf(error);
  return (
    code === '23505' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}

export function isForeignKeyViolation(error: unknown): boolean {
  const code = codeOf(error);
  return code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}

export function notFound(what: string, id: string): DomainError {
  return new DomainError('NOT_FOUND', `${what} ${id} does not exist`);
}

/** Rethrows constraint failures as CONFLICT / NOT_FOUND so callers see a DomainError. */
export function translateConstraint(error: unknown, conflict: string, missing: string): never {
  if (isUniqueViolation(error)) throw new DomainError('CONFLICT', conflict, { cause: error });
  if (isForeignKeyViolation(error)) throw new DomainError('NOT_FOUND', missing, { cause: error });
  throw error;
}

export { codeOf as errorCode };
