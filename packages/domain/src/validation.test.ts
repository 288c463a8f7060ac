import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DomainError } from './errors.js';
import { Salary } from './job.js';
import { formatIssues, parseOrThrow } from './validation.js';

function thrown(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected the call to throw');
}

const Config = z.object({
  llm: z.object({
    providers: z.array(z.object({ type: z.enum(['openai', 'ollama']), model: z.string() })),
  }),
  port: z.number().int(),
});

describe('formatIssues', () => {
  it('writes each issue as a dotted path and the reason', () => {
    const result = Salary.safeParse({ min: 1, max: null, currency: 'usd', period: 'year' });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(formatIssues(result.error)).toEqual(['currency: ISO 4217 code such as USD']);
  });

  it('dots nested object paths and array indexes', () => {
    const result = z.object({ salary: Salary }).safeParse({
      salary: { min: 1, max: 2, currency: 'dollars', period: 'year' },
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(formatIssues(result.error)).toEqual(['salary.currency: ISO 4217 code such as USD']);

    const deep = Config.safeParse({ llm: { providers: [{ type: 'nope', model: 'x' }] }, port: 1 });
    expect(deep.success).toBe(false);
    if (deep.success) return;
    const issues = formatIssues(deep.error);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(/^llm\.providers\.0\.type: /);
  });

  it('lists every issue, not only the first', () => {
    const result = Config.safeParse({ llm: { providers: [{ type: 'openai' }] }, port: 1.5 });
    expect(result.success).toBe(false);
    if (result.success) return;
    const issues = formatIssues(result.error);
    expect(issues).toHaveLength(2);
    expect(issues.some((i) => i.startsWith('llm.providers.0.model: '))).toBe(true);
    expect(issues.some((i) => i.startsWith('port: '))).toBe(true);
  });

  it('names the root as (root)', () => {
    const result = z.string().safeParse(5);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(formatIssues(result.error)).toEqual([
      expect.stringMatching(/^\(root\): /) as unknown as string,
    ]);
  });

  it('keeps refinement messages', () => {
    const result = Salary.safeParse({ min: 10, max: 5, currency: 'USD', period: 'year' });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(formatIssues(result.error)).toEqual(['(root): salary min is above max']);
  });
});

describe('parseOrThrow', () => {
  it('returns the parsed value with defaults applied', () => {
    const schema = z.object({ a: z.number(), b: z.string().default('x') });
    expect(parseOrThrow(schema, { a: 1 }, 'thing')).toEqual({ a: 1, b: 'x' });
  });

  it('throws INVALID_INPUT naming the input and every problem', () => {
    const e = thrown(() =>
      parseOrThrow(Config, { llm: { providers: [{ type: 'nope' }] }, port: 'x' }, 'config file'),
    );
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message.startsWith('config file is invalid: ')).toBe(true);
    expect(e.message).toContain('llm.providers.0.type: ');
    expect(e.message).toContain('llm.providers.0.model: ');
    expect(e.message).toContain('port: ');
    const problems = (e.details as { problems: string[] }).problems;
    expect(problems).toHaveLength(3);
    for (const p of problems) expect(e.message).toContain(p);
  });

  it('does not throw for valid input', () => {
    expect(() =>
      parseOrThrow(Salary, { min: null, max: 5, currency: 'EUR', period: 'hour' }, 'salary'),
    ).not.toThrow();
  });
});
