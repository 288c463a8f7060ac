import { describe, expect, it } from 'vitest';
import {
  APPLIED_STAGES,
  Application,
  STAGE_TRANSITIONS,
  STAGES,
  assertTransition,
  canTransition,
  type Stage,
} from './application.js';
import { DomainError, isDomainError } from './errors.js';

/** The transition table as the product defines it, written out independently of the code. */
const EXPECTED: Record<Stage, Stage[]> = {
  discovered: ['shortlisted', 'drafting', 'withdrawn', 'archived'],
  shortlisted: ['discovered', 'drafting', 'withdrawn', 'archived'],
  drafting: ['shortlisted', 'ready_for_review', 'withdrawn', 'archived'],
  ready_for_review: ['drafting', 'approved', 'withdrawn', 'archived'],
  approved: ['ready_for_review', 'applied', 'withdrawn', 'archived'],
  applied: ['interviewing', 'offer', 'rejected', 'withdrawn', 'archived'],
  interviewing: ['offer', 'rejected', 'withdrawn', 'archived'],
  offer: ['hired', 'rejected', 'withdrawn', 'archived'],
  hired: ['archived'],
  rejected: ['archived'],
  withdrawn: ['archived'],
  archived: [],
};

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw');
}

const PAIRS = STAGES.flatMap((from) => STAGES.map((to) => [from, to] as const));

describe('stage transitions', () => {
  it('the table covers every stage and only known stages', () => {
    expect(Object.keys(STAGE_TRANSITIONS).sort()).toEqual([...STAGES].sort());
    for (const targets of Object.values(STAGE_TRANSITIONS)) {
      for (const to of targets) expect(STAGES).toContain(to);
    }
    expect(STAGE_TRANSITIONS).toEqual(EXPECTED);
  });

  it(`checks all ${STAGES.length * STAGES.length} pairs`, () => {
    expect(PAIRS).toHaveLength(144);
  });

  it.each(PAIRS)('canTransition(%s, %s) follows STAGE_TRANSITIONS', (from, to) => {
    const allowed = EXPECTED[from].includes(to);
    expect(canTransition(from, to)).toBe(allowed);
    expect(canTransition(from, to)).toBe(STAGE_TRANSITIONS[from].includes(to));
    if (allowed) expect(() => assertTransition(from, to)).not.toThrow();
    else expect(() => assertTransition(from, to)).toThrow(DomainError);
  });

  it('never allows staying in the same stage', () => {
    for (const stage of STAGES) expect(canTransition(stage, stage)).toBe(false);
  });

  it('assertTransition throws ILLEGAL_TRANSITION naming both stages and the allowed ones', () => {
    const error = thrown(() => assertTransition('discovered', 'approved'));
    expect(isDomainError(error, 'ILLEGAL_TRANSITION')).toBe(true);
    const e = error as DomainError;
    expect(e.code).toBe('ILLEGAL_TRANSITION');
    expect(e.message).toContain('discovered');
    expect(e.message).toContain('approved');
    expect(e.hint).toBeDefined();
    for (const stage of EXPECTED.discovered) expect(e.hint).toContain(stage);
    expect(e.hint).not.toContain('applied');
    expect(e.details).toEqual({
      from: 'discovered',
      to: 'approved',
      allowed: EXPECTED.discovered,
    });
  });

  it('archived is terminal', () => {
    expect(STAGE_TRANSITIONS.archived).toEqual([]);
    for (const to of STAGES) expect(canTransition('archived', to)).toBe(false);
    const e = thrown(() => assertTransition('archived', 'discovered')) as DomainError;
    expect(e.code).toBe('ILLEGAL_TRANSITION');
    expect(e.message).toContain('archived');
    expect(e.message).toContain('discovered');
    expect(e.hint).toMatch(/archived is final/);
  });

  it('every stage can be archived, except archived itself', () => {
    for (const from of STAGES) expect(canTransition(from, 'archived')).toBe(from !== 'archived');
  });

  it('the happy path is legal step by step', () => {
    const path: Stage[] = [
      'discovered',
      'shortlisted',
      'drafting',
      'ready_for_review',
      'approved',
      'applied',
      'interviewing',
      'offer',
      'hired',
      'archived',
    ];
    for (let i = 1; i < path.length; i++) {
      const from = path[i - 1] as Stage;
      const to = path[i] as Stage;
      expect(canTransition(from, to), `${from} -> ${to}`).toBe(true);
      expect(() => assertTransition(from, to)).not.toThrow();
    }
  });

  it('does not skip review: approved only comes from ready_for_review', () => {
    expect(canTransition('discovered', 'approved')).toBe(false);
    expect(canTransition('shortlisted', 'approved')).toBe(false);
    expect(canTransition('drafting', 'approved')).toBe(false);
    const into = STAGES.filter((from) => canTransition(from, 'approved'));
    expect(into).toEqual(['ready_for_review']);
  });

  it('does not apply without approval: applied only comes from approved', () => {
    const into = STAGES.filter((from) => canTransition(from, 'applied'));
    expect(into).toEqual(['approved']);
  });

  it('outcomes are final except for archiving', () => {
    for (const from of ['hired', 'rejected', 'withdrawn'] as const) {
      expect(STAGES.filter((to) => canTransition(from, to))).toEqual(['archived']);
    }
  });

  it('APPLIED_STAGES are the stages at or after applying, excluding withdrawn and archived', () => {
    expect([...APPLIED_STAGES].sort()).toEqual(
      ['applied', 'interviewing', 'offer', 'hired', 'rejected'].sort(),
    );
  });
});

describe('Application schema', () => {
  const valid = {
    id: 'a1',
    jobId: 'j1',
    profileId: 'p1',
    stage: 'discovered',
    stageChangedAt: '2025-06-15T12:00:00Z',
    createdAt: '2025-06-15T12:00:00Z',
    updatedAt: '2025-06-15T12:00:00+02:00',
  };

  it('defaults notes to an empty string', () => {
    expect(Application.parse(valid).notes).toBe('');
  });

  it('refuses an unknown stage and a timestamp without offset', () => {
    expect(Application.safeParse({ ...valid, stage: 'ghosted' }).success).toBe(false);
    expect(Application.safeParse({ ...valid, createdAt: '2025-06-15' }).success).toBe(false);
  });
});
