import { DRAFT_KINDS, Profile, type DraftKind, type Job } from '@applydesk/domain';
import { describe, expect, it } from 'vitest';
import { extractRequirements, problemStatement } from './requirements.js';
import { postingText } from './sections.js';
import { contentTerms, normalizeForCompare, wordCount } from './text.js';
import { writeOfflineDraft, type OfflineDraft } from './writer.js';
import {
  ceramicsShopify,
  dentalDashboard,
  ferryPayments,
  maya,
  northwindFrontend,
  NOW,
  plainJob,
} from './test-support/fixtures.js';

const JOBS = { northwindFrontend, ceramicsShopify, dentalDashboard, ferryPayments, plainJob };

function write(job: Job, kind: DraftKind, tone?: 'warm' | 'direct'): OfflineDraft {
  return writeOfflineDraft({
    job,
    profile: maya,
    kind,
    now: NOW,
    ...(tone === undefined ? {} : { tone }),
  });
}

const profileJson = JSON.stringify(maya);
function inProfile(text: string): boolean {
  return profileJson.includes(JSON.stringify(text).slice(1, -1));
}

/** Cited text, without the cut mark, appears in the posting (case and punctuation aside). */
function inPosting(job: Job, cited: string): boolean {
  return normalizeForCompare(postingText(job)).includes(
    normalizeForCompare(cited.replace(/…$/, '')),
  );
}

function bullets(text: string): string[] {
  return text.split('\n').filter((line) => line.startsWith('• '));
}

/** The paragraph after the greeting. */
function opening(text: string): string {
  return text.split('\n\n')[1] ?? '';
}

describe('every draft kind for every posting', () => {
  for (const [name, job] of Object.entries(JOBS)) {
    for (const kind of DRAFT_KINDS) {
      it(`${kind} for ${name} is grounded, cites the posting, and is deterministic`, () => {
        const draft = write(job, kind);
        expect(draft.writer).toBe('offline');
        expect(draft.text.trim()).not.toBe('');
        expect(draft.grounding.unsupportedCount).toBe(0);
        for (const claim of draft.grounding.claims) {
          expect(claim.supported).toBe(true);
          expect(claim.evidence).not.toBeNull();
          expect(
            inProfile(claim.evidence ?? ''),
            `evidence not in profile: ${claim.evidence}`,
          ).toBe(true);
          expect(draft.text).toContain(claim.text.replace(/^• /, ''));
        }
        for (const cited of draft.citedRequirements) {
          expect(cited.length).toBeLessThanOrEqual(140);
          expect(inPosting(job, cited), `not in posting: ${cited}`).toBe(true);
        }
        // Never the street address or postcode, whatever the kind.
        expect(draft.text).not.toContain('Rosemary');
        expect(draft.text).not.toContain('LS1 4AB');
        expect(write(job, kind)).toEqual(draft);
      });
    }
  }
});

describe('proposal', () => {
  it('opens with the client’s own problem, said back to them', () => {
    for (const job of [northwindFrontend, ceramicsShopify, dentalDashboard, ferryPayments]) {
      const problem = problemStatement(job) ?? '';
      const problemTerms = contentTerms(problem);
      const openingTerms = contentTerms(opening(write(job, 'proposal').text));
      const shared = [...problemTerms].filter((t) => openingTerms.has(t));
      expect(shared.length / problemTerms.size).toBeGreaterThanOrEqual(0.8);
    }
    expect(opening(write(ceramicsShopify, 'proposal').text)).toMatch(
      /^You need a developer to find what is slowing the store down and fix it without breaking the current design\./,
    );
    expect(opening(write(ferryPayments, 'proposal').text)).toMatch(
      /^Your payout service was written quickly in 2019 and now fails under month-end load/,
    );
  });

  it('pairs the posting’s requirements with the user’s evidence in 2-4 bullets', () => {
    const draft = write(northwindFrontend, 'proposal');
    const lines = bullets(draft.text);
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines.length).toBeLessThanOrEqual(4);
    expect(draft.citedRequirements).toHaveLength(lines.length);
    lines.forEach((line, i) => {
      expect(line.startsWith(`• ${draft.citedRequirements[i] ?? '?'} — `)).toBe(true);
      const claim = draft.grounding.claims.find((c) => c.text === line);
      expect(claim?.evidence).toBeTruthy();
      // The evidence part is the profile's statement (first letter and final stop aside).
      expect(normalizeForCompare(line)).toContain(
        normalizeForCompare(claim?.evidence ?? '').slice(1),
      );
    });
    expect(lines[0]).toBe(
      "• Experience making data-heavy web apps fast — as Senior Software Engineer at Parcelry (2021–present), I cut the checkout page's p95 load time from 4.2s to 1.1s by moving rendering to Next.js server components and caching product data in Redis.",
    );
    expect(wordCount(draft.text)).toBeGreaterThanOrEqual(120);
    expect(wordCount(draft.text)).toBeLessThanOrEqual(250);
  });

  it('is specific: two postings share no bullet and no opening', () => {
    const a = write(northwindFrontend, 'proposal').text;
    const b = write(dentalDashboard, 'proposal').text;
    expect(opening(a)).not.toBe(opening(b));
    expect(bullets(a).filter((line) => bullets(b).includes(line))).toEqual([]);
  });

  it('answers the screening questions from the profile and signs with the user’s name', () => {
    const draft = write(ceramicsShopify, 'proposal');
    expect(draft.text).toContain('Answers to your questions');
    expect(draft.text).toContain(
      '1. Describe a recent project where you improved the speed of a Shopify store.',
    );
    expect(draft.text).toContain('I built and maintained 12 Shopify storefronts');
    expect(draft.text).toContain(
      '2. How many years of experience do you have with Shopify?\nAbout 3.5 years with Shopify',
    );
    expect(draft.text.trimEnd().endsWith('Maya Lindqvist')).toBe(true);
    expect(wordCount(draft.text)).toBeLessThanOrEqual(260);
  });

  it('does not obey the posting’s "start your proposal with" test line', () => {
    const draft = write(ceramicsShopify, 'proposal');
    expect(draft.text.startsWith('Hi there,')).toBe(true);
    expect(draft.text).not.toMatch(/so I know you read this|'ceramics'/);
  });

  it('answers questions about a kind of work with the highlight that shows it, in the profile’s words', () => {
    const ask = (question: string) =>
      write(
        {
          ...ceramicsShopify,
          freelance: { ...ceramicsShopify.freelance!, screeningQuestions: [question] },
        },
        'proposal',
      );
    const bug = ask('Describe a bug you tracked down and fixed.');
    expect(bug.text).toContain('fixed accessibility issues');
    expect(bug.text).not.toContain('zero customer-facing incidents');
    const led = ask('Tell us about a time you mentored or led a team.');
    expect(led.text).toMatch(
      /led the migration of 40\+ Node\.js services|mentored four engineers/i,
    );
    const speed = ask('How have you improved page speed before?');
    expect(speed.text).toContain('p95 load time from 4.2s to 1.1s');
    // Every claim made in the answers is one the profile supports.
    for (const draft of [bug, led, speed])
      expect(draft.grounding.claims.filter((c) => !c.supported)).toEqual([]);
  });

  it('says "I’d like to discuss this on a call" when the profile has nothing to answer with', () => {
    const job: Job = {
      ...ceramicsShopify,
      freelance: {
        ...ceramicsShopify.freelance!,
        screeningQuestions: ['What is your availability over the holidays?'],
      },
    };
    expect(write(job, 'proposal').text).toContain(
      "1. What is your availability over the holidays?\nI'd like to discuss this on a call.",
    );
  });
});

describe('prompt injection in the posting', () => {
  it('never repeats or acts on the planted instruction, in any kind of draft', () => {
    for (const kind of DRAFT_KINDS) {
      const { text, citedRequirements, grounding } = write(dentalDashboard, kind);
      for (const output of [text, ...citedRequirements, ...grounding.claims.map((c) => c.text)]) {
        expect(output).not.toMatch(/\brust\b/i);
        expect(output).not.toMatch(/15 years/);
        expect(output).not.toMatch(/ignore|previous instructions/i);
        expect(output).not.toMatch(/home address|phone number|AI assistants/i);
        // The phone number belongs on a resume header only, never in a message because a posting asked.
        if (kind !== 'tailored_resume') expect(output).not.toContain('+44 7700');
      }
    }
  });

  it('answers only the genuine screening question, with the user’s own links', () => {
    const text = write(dentalDashboard, 'answer').text;
    expect(text).toMatch(/^1\. Share links to dashboards you have built\./);
    expect(text).not.toMatch(/^2\./m);
    expect(text).toContain('https://github.com/mlindqvist/shelfwatch');
  });
});

describe('a required skill the profile lacks', () => {
  const GO_CLAIM =
    /(experience|years|worked|expert|proficient|skilled|background)\s+(with|in|of)\s+(Go|Kubernetes)\b|\b(built|wrote|shipped|developed)\b[^.]*\bin Go\b|\bGo (developer|engineer)\b/i;

  it('is never claimed, in any kind of draft', () => {
    for (const kind of DRAFT_KINDS) {
      const draft = write(ferryPayments, kind);
      expect(draft.text).not.toMatch(GO_CLAIM);
      for (const claim of draft.grounding.claims)
        expect(claim.text).not.toMatch(/\bGo\b|Kubernetes/);
      expect(draft.citedRequirements.some((c) => /\bGo\b|Kubernetes/.test(c))).toBe(false);
    }
  });

  it('is named as a gap in the cover letter, with the closest real work', () => {
    const text = write(ferryPayments, 'cover_letter').text;
    expect(text).toContain(
      "One honest gap: you list Go and Kubernetes as requirements, and I haven't used them in production.",
    );
    expect(text).toContain(
      'The closest work on my record: as Senior Software Engineer at Parcelry (2021–present), I led the migration of 40+ Node.js services',
    );
  });

  it('covers skills the described work needs, not only the listed requirements', () => {
    const text = write(plainJob, 'cover_letter').text;
    expect(text).toContain(
      "you list MySQL and Laravel as requirements, and I haven't used them in production.",
    );
    expect(text).not.toMatch(/(experience|worked) (with|in) (Laravel|MySQL)/i);
  });

  it('states a years shortfall instead of citing the requirement', () => {
    const draft = write(northwindFrontend, 'cover_letter');
    expect(draft.text).toContain(
      'you ask for 5+ years with React; the dated roles in my profile that mention React add up to about 3.5 years.',
    );
    expect(draft.citedRequirements.some((c) => c.startsWith('5+ years'))).toBe(false);
  });
});

describe('cover letter', () => {
  it('is a formal letter to the company naming the role, with three requirements mapped to evidence', () => {
    const draft = write(northwindFrontend, 'cover_letter');
    expect(
      draft.text.startsWith(
        "Dear Northwind Logistics hiring team,\n\nI'm writing to apply for the Senior Frontend Engineer role at Northwind Logistics.",
      ),
    ).toBe(true);
    expect(draft.text).toContain(
      'Your warehouse dashboard takes 30+ seconds to load for your largest customers',
    );
    expect(draft.citedRequirements).toEqual([
      'Experience making data-heavy web apps fast',
      'Comfortable designing REST APIs together with backend engineers',
      'Experience writing end-to-end tests',
    ]);
    for (const cited of draft.citedRequirements) expect(draft.text).toContain(`"${cited}"`);
    expect(draft.text).toMatch(
      /Sincerely,\nMaya Lindqvist\nmaya@lindqvist\.dev · https:\/\/lindqvist\.dev$/,
    );
    expect(wordCount(draft.text)).toBeGreaterThanOrEqual(250);
    expect(wordCount(draft.text)).toBeLessThanOrEqual(400);
  });
});

describe('tailored resume', () => {
  const highlights = maya.work.flatMap((w) => w.highlights);

  function experienceBullets(text: string): string[] {
    const experience = text.slice(text.indexOf('## Experience'), text.indexOf('## Projects'));
    return experience
      .split('\n')
      .filter((l) => l.startsWith('- '))
      .map((l) => l.slice(2));
  }

  it('contains every highlight of the profile verbatim and nothing else', () => {
    for (const job of Object.values(JOBS)) {
      const lines = experienceBullets(write(job, 'tailored_resume').text);
      expect([...lines].sort()).toEqual([...highlights].sort());
    }
  });

  it('puts highlights that match the posting first within each role', () => {
    const ferry = experienceBullets(write(ferryPayments, 'tailored_resume').text);
    expect(ferry[0]).toBe(
      'Designed the PostgreSQL schema and REST APIs for merchant payouts, processing $3M per month.',
    );
    const ceramics = experienceBullets(write(ceramicsShopify, 'tailored_resume').text);
    expect(ceramics[4]).toBe(
      'Built and maintained 12 Shopify storefronts for retail clients, including custom Liquid themes and app integrations.',
    );
    // The non-matching mentoring line stays last in its role.
    expect(ferry[3]).toBe('Mentored four engineers through code review and pairing.');
  });

  it('lists the posting’s skills first', () => {
    const text = write(ceramicsShopify, 'tailored_resume').text;
    const skills = text.slice(text.indexOf('## Skills'), text.indexOf('## Experience'));
    expect(skills.split('\n')[2]).toBe('- **Commerce:** Shopify, Liquid');
    const ferry = write(ferryPayments, 'tailored_resume').text;
    expect(ferry).toContain('- **Backend:** PostgreSQL, Node.js, Redis, REST APIs');
  });
});

describe('answers, follow-up and tone', () => {
  it('says so when a posting has no screening questions', () => {
    expect(write(ferryPayments, 'answer').text).toBe(
      'The Backend Engineer, Payments posting has no screening questions to answer.',
    );
  });

  it('writes a short follow-up naming the role and one matching strength', () => {
    const draft = write(ferryPayments, 'follow_up');
    expect(draft.text).toContain('my application for the Backend Engineer, Payments role');
    expect(draft.text).toContain(
      'You asked for "Strong PostgreSQL skills": as Senior Software Engineer at Parcelry (2021–present), I designed the PostgreSQL schema',
    );
    expect(wordCount(draft.text)).toBeLessThan(120);
    expect(draft.grounding.claims).toHaveLength(1);
  });

  it('changes wording with tone but not the facts', () => {
    const warm = write(northwindFrontend, 'proposal', 'warm');
    const direct = write(northwindFrontend, 'proposal', 'direct');
    expect(direct.text).not.toBe(warm.text);
    expect(direct.text.startsWith('Hello,')).toBe(true);
    expect(bullets(direct.text)).toEqual(bullets(warm.text));
    expect(direct.grounding).toEqual(warm.grounding);
  });
});

describe('requirements the writer cites', () => {
  it('come from the posting’s extracted requirements', () => {
    for (const job of Object.values(JOBS)) {
      const requirementKeys = extractRequirements(job).map((r) => normalizeForCompare(r.text));
      for (const cited of write(job, 'proposal').citedRequirements) {
        const key = normalizeForCompare(cited.replace(/…$/, ''));
        expect(requirementKeys.some((r) => r.startsWith(key))).toBe(true);
      }
    }
  });
});

describe('thin inputs', () => {
  const sparse = Profile.parse({
    id: 'sparse',
    createdAt: '2025-01-01T00:00:00Z',
    updatedAt: '2025-01-01T00:00:00Z',
    basics: { name: 'Jo Park' },
  });

  it('writes every kind for a posting with no description and a profile with no history, claiming nothing', () => {
    const empty: Job = {
      ...northwindFrontend,
      descriptionText: '',
      descriptionHtml: '',
      skills: [],
    };
    for (const kind of DRAFT_KINDS) {
      for (const profile of [maya, sparse]) {
        const draft = writeOfflineDraft({ job: empty, profile, kind, now: NOW });
        expect(draft.text.trim()).not.toBe('');
        expect(draft.citedRequirements).toEqual([]);
        if (profile === sparse) expect(draft.grounding.claims).toEqual([]);
      }
    }
    const proposal = writeOfflineDraft({
      job: ferryPayments,
      profile: sparse,
      kind: 'proposal',
      now: NOW,
    }).text;
    expect(proposal).toContain(
      'would rather be straight with you than stretch my background to fit it.',
    );
    expect(proposal).not.toMatch(/^• /m);
  });

  it('does not answer a question about a skill the profile lacks with other evidence', () => {
    const job: Job = {
      ...ceramicsShopify,
      freelance: {
        ...ceramicsShopify.freelance!,
        screeningQuestions: ['Do you have experience with Go?'],
      },
    };
    expect(write(job, 'answer').text).toBe(
      "1. Do you have experience with Go?\nI'd like to discuss this on a call.",
    );
  });
});
