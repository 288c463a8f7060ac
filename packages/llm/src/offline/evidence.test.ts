import { Profile } from '@applydesk/domain';
import { describe, expect, it } from 'vitest';
import { findEvidence, yearsWithSkill } from './evidence.js';
import { maya, NOW } from './test-support/fixtures.js';

function profileWith(work: unknown[], extra: Record<string, unknown> = {}): Profile {
  return Profile.parse({
    id: 'p',
    createdAt: '2025-01-01T00:00:00Z',
    updatedAt: '2025-01-01T00:00:00Z',
    basics: { name: 'Sam Doe' },
    work,
    ...extra,
  });
}

describe('findEvidence', () => {
  it('ranks a recent measured work highlight first and a bare skill listing last', () => {
    const evidence = findEvidence(maya, ['shopify'], { now: NOW });
    expect(evidence.map((e) => e.source)).toEqual(['work', 'project', 'skill', 'skill']);
    expect(evidence[0]).toEqual({
      skill: 'Shopify',
      source: 'work',
      text: 'Built and maintained 12 Shopify storefronts for retail clients, including custom Liquid themes and app integrations.',
      where: 'Full-Stack Developer at Brightloom Studio (2017–2021)',
    });
    // "Liquid" is listed under Commerce and is Shopify's template language in the vocabulary.
    expect(evidence.slice(2).map((e) => [e.text, e.where])).toEqual([
      ['Shopify', 'Skills: Commerce'],
      ['Liquid', 'Skills: Commerce'],
    ]);
  });

  it('returns only the profile’s own text', () => {
    const profileJson = JSON.stringify(maya);
    for (const e of findEvidence(
      maya,
      ['React', 'TypeScript', 'PostgreSQL', 'AWS', 'Shopify', 'Computer Science'],
      { now: NOW },
    )) {
      expect(profileJson).toContain(JSON.stringify(e.text).slice(1, -1));
    }
  });

  it('orders recent measured work, other highlights, projects, then listings', () => {
    const profile = profileWith(
      [
        {
          name: 'Now Co',
          position: 'Engineer',
          startDate: '2023-01',
          highlights: ['Moved the admin app to ReactJS.', 'Cut React bundle size by 40%.'],
        },
        {
          name: 'Old Co',
          position: 'Developer',
          startDate: '2008-01',
          endDate: '2011-06',
          highlights: ['Grew React adoption to 30 teams.'],
        },
      ],
      {
        projects: [{ name: 'kit', description: 'A component kit.', keywords: ['React'] }],
        skills: [{ name: 'Frontend', keywords: ['react.js'] }],
      },
    );
    const texts = findEvidence(profile, ['React'], { now: NOW }).map((e) => e.text);
    expect(texts).toEqual([
      'Cut React bundle size by 40%.',
      'Moved the admin app to ReactJS.',
      'Grew React adoption to 30 teams.',
      'A component kit.',
      'react.js',
    ]);
  });

  it('does not take the verb "go" for the Go language', () => {
    const profile = profileWith([
      {
        name: 'A',
        position: 'Dev',
        startDate: '2020',
        highlights: ['Helped the team go live in 6 weeks.'],
      },
    ]);
    expect(findEvidence(profile, ['Go'], { now: NOW })).toEqual([]);
    const gopher = profileWith([
      {
        name: 'A',
        position: 'Dev',
        startDate: '2020',
        highlights: ['Wrote the billing service in Go, with PostgreSQL.'],
      },
    ]);
    expect(findEvidence(gopher, ['golang'], { now: NOW }).map((e) => e.skill)).toEqual(['Go']);
  });

  it('finds skills outside the vocabulary by their own spelling', () => {
    const profile = profileWith([
      {
        name: 'A',
        position: 'Dev',
        startDate: '2020',
        highlights: ['Integrated Stripe Billing for 3 products.'],
      },
    ]);
    expect(findEvidence(profile, ['Stripe'], { now: NOW })).toHaveLength(1);
  });
});

describe('yearsWithSkill', () => {
  it('adds up dated roles that mention the skill, an open end counting to now', () => {
    expect(yearsWithSkill(maya, 'Shopify', NOW)).toBe(3.7); // 2017-06 .. 2021-02
    expect(yearsWithSkill(maya, 'TypeScript', NOW)).toBe(4.3); // 2021-03 .. 2025-06
    expect(yearsWithSkill(maya, 'Rust', NOW)).toBeNull();
  });

  it('counts overlapping roles once and reads year-only dates', () => {
    const profile = profileWith([
      {
        name: 'A',
        position: 'Python developer',
        startDate: '2018-01',
        endDate: '2020-01',
        highlights: [],
      },
      {
        name: 'B',
        position: 'Contractor',
        startDate: '2019-01',
        endDate: '2021-01',
        highlights: ['Built Django APIs in Python.'],
      },
      {
        name: 'C',
        position: 'Analyst',
        startDate: '2012',
        endDate: '2014',
        highlights: ['Automated reports with python3.'],
      },
      { name: 'D', position: 'Undated Python work', highlights: [] },
    ]);
    expect(yearsWithSkill(profile, 'Python', NOW)).toBe(5);
  });
});
