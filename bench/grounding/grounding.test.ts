import { GROUNDING_CLAIM_KINDS, DRAFT_KINDS } from '@applydesk/domain';
import { describe, expect, it } from 'vitest';
import { loadDrafts, loadGroundingProfiles } from './dataset.js';
import { evaluateGrounding } from './evaluate.js';

describe('grounding evaluation set', () => {
  const drafts = loadDrafts();

  it('has at least 60 drafts over at least 3 profiles, each label exact and explained', () => {
    expect(drafts.length).toBeGreaterThanOrEqual(60);
    const profiles = loadGroundingProfiles();
    expect(new Set(drafts.map((d) => d.profile)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(drafts.map((d) => d.id)).size).toBe(drafts.length);
    for (const draft of drafts) {
      expect(profiles.has(draft.profile), draft.id).toBe(true);
      expect(DRAFT_KINDS).toContain(draft.kind);
      for (const label of [...draft.fabrications, ...draft.truths]) {
        expect(draft.text, `${draft.id}: ${label.claim}`).toContain(label.claim);
        expect(GROUNDING_CLAIM_KINDS).toContain(label.kind);
        expect(label.why.length, `${draft.id}: ${label.claim}`).toBeGreaterThan(10);
      }
    }
  });

  it('covers the hard cases: wrong title, inflated years, invented metric, supported synonym, quoted requirement', () => {
    const kinds = new Set(drafts.flatMap((d) => d.fabrications.map((f) => f.kind)));
    for (const kind of ['employer', 'title', 'years', 'number', 'skill', 'certification', 'degree'])
      expect(kinds).toContain(kind);
    expect(drafts.some((d) => d.truths.some((t) => t.claim === 'k8s'))).toBe(true);
    expect(drafts.filter((d) => d.fabrications.length === 0).length).toBeGreaterThanOrEqual(5);
  });
});

describe('checkGrounding on the evaluation set', () => {
  it('finds at least 95% of the planted fabrications with few false alarms', () => {
    const result = evaluateGrounding();
    expect(result.recall).toBeGreaterThanOrEqual(0.95);
    expect(result.precision).toBeGreaterThanOrEqual(0.9);
    expect(result.truthsFlagged).toBeLessThanOrEqual(Math.floor(result.truths * 0.05));
  });
});
