import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DomainError } from '@applydesk/domain';
import { idOf, parsePosting, postingObject, refuse, refuseNamed, unmappable } from './refuse.js';

describe('refuse', () => {
  it('idOf reads a string or number id field, else "?"', () => {
    expect(idOf({ id: 42 })).toBe('42');
    expect(idOf({ slug: 'senior-dev' }, 'slug')).toBe('senior-dev');
    expect(idOf({ id: null })).toBe('?');
    expect(idOf({ id: { nested: 1 } })).toBe('?');
    expect(idOf('just text')).toBe('?');
    expect(idOf(null)).toBe('?');
  });

  it('refuse names the source and the posting, the id and problems in the details', () => {
    const error = refuse('greenhouse', '7', 'has no title', { problems: ['title: Required'] });
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toBe('greenhouse posting 7: has no title');
    expect(error.details).toEqual({ externalId: '7', problems: ['title: Required'] });
    expect(refuse('hn', '9', 'is not a job post', { item: 'comment' }).message).toBe(
      'hn comment 9: is not a job post',
    );
    expect(refuse('Adzuna', '1', 'has no id').details).toEqual({ externalId: '1' });
  });

  it('unmappable and parsePosting report every problem zod found', () => {
    const Job = z.object({ id: z.number(), title: z.string().min(1) });
    const parsed = Job.safeParse({ id: 'x', title: '' });
    if (parsed.success) throw new Error('expected a failure');
    const error = unmappable('lever', 'x', parsed.error);
    expect(error.message).toMatch(/^lever posting x: cannot be mapped: id: .*; title: /);
    expect(error.details?.problems).toHaveLength(2);

    expect(parsePosting(Job, { id: 1, title: 'Engineer' }, 'lever', '1')).toEqual({
      id: 1,
      title: 'Engineer',
    });
    expect(() => parsePosting(Job, { id: 1 }, 'lever', '1')).toThrow(
      /^lever posting 1: cannot be mapped: title: /,
    );
  });

  it('refuseNamed names an item without an id, and postingObject wants an object', () => {
    const named = refuseNamed('"Mystery role"', 'has no link', 'feed item');
    expect(named.message).toBe('feed item "Mystery role": has no link');
    expect(named.details).toEqual({ posting: '"Mystery role"' });
    expect(refuseNamed('JobPosting 2 of https://a.example/', 'has no title').message).toBe(
      'JobPosting 2 of https://a.example/: has no title',
    );
    const raw = { id: 1 };
    expect(postingObject<{ id: number }>('Jooble', raw)).toBe(raw);
    expect(() => postingObject('Jooble', 'x')).toThrow('Jooble posting ?: is not an object');
  });
});
