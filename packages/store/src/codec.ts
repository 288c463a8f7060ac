import { DomainError } from '@applydesk/domain';
import type { Dialect } from './repositories.js';

/**
 * Converts values between domain form and what each driver hands back, so repositories
 * map rows the same way on both dialects.
 */
export interface Codec {
  /** An ISO timestamp in one canonical form (UTC, milliseconds), so text sorts by time in SQLite. */
  time(value: string): string;
  timeOrNull(value: string | null): string | null;
  /** A stored timestamp (ISO text or Date) as an ISO string. */
  readTime(value: Date | string): string;
  readTimeOrNull(value: Date | string | null): string | null;
  /** JSON text for a JSON column; null and undefined become SQL NULL. */
  json(value: unknown): string;
  jsonOrNull(value: unknown): string | null;
  /** A stored JSON value (text in SQLite, parsed by pg in PostgreSQL). */
  readJson(value: unknown): unknown;
}

function time(value: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime()))
    throw new DomainError('INVALID_INPUT', `not a timestamp: ${value}`);
  return date.toISOString();
}

function readTime(value: Date | string): string {
  return value instanceof Date ? value.toISOString() : value;
}

export function createCodec(dialect: Dialect): Codec {
  return {
    time,
    timeOrNull: (value) => (value === null ? null : time(value)),
    readTime,
    readTimeOrNull: (value) => (value === null ? null : readTime(value)),
    json: (value) => JSON.stringify(value ?? null),
    jsonOrNull: (value) => (value === null || value === undefined ? null : JSON.stringify(value)),
    // pg parses jsonb itself; a JSON string value then arrives as a plain JS string, so only
    // SQLite text is parsed here.
    readJson: (value) =>
      dialect === 'sqlite' && typeof value === 'string' ? (JSON.parse(value) as unknown) : value,
  };
}

/** Counts come back as numbers from SQLite and as strings (bigint) from pg. */
export function toCount(value: unknown): number {
  return typeof value === 'number' ? value : Number(value ?? 0);
}

export function nowIso(): string {
  return new Date().toISOString();
}
