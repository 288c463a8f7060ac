import {
  DRAFT_KINDS,
  GroundingClaim,
  GroundingReport,
  type GroundingClaimKind,
} from '@applydesk/domain';
import { describe, expect, it } from 'vitest';
import {
  ceramicsShopify,
  dentalDashboard,
  ferryPayments,
  maya,
  northwindFrontend,
  NOW,
  plainJob,
} from '../offline/test-support/fixtures.js';
import { writeOfflineDraft } from '../offline/writer.js';
import { checkGrounding } from './check.js';
import { blocksApproval, mergeConfirmations } from './confirm.js';

function check(text: string, now: Date = NOW): GroundingReport {
  return checkGrounding(text, maya, { now });
}

/** The claim of `kind` whose text contains `fragment`. */
function claim(
  report: GroundingReport,
  kind: GroundingClaimKind,
  fragment: string,
): GroundingClaim {
  const found = report.claims.find((c) => c.kind === kind && c.text.includes(fragment));
  if (found === undefined)
    throw new Error(`no ${kind} claim with "${fragment}" in ${JSON.stringify(report.claims)}`);
  return found;
}

const unsupported = (report: GroundingReport): string[] =>
  report.claims.filter((c) => !c.supported).map((c) => c.text);

describe('checkGrounding: employers and titles', () => {
  it('backs an employer from the profile and flags one that is not there', () => {
    const report = check('I spent four years at Parcelry. Before that I worked at Stripe.');
    expect(claim(report, 'employer', 'Parcelry').supported).toBe(true);
    expect(claim(report, 'employer', 'Parcelry').evidence).toContain('Parcelry');
    const stripe = claim(report, 'employer', 'Stripe');
    expect(stripe.supported).toBe(false);
    expect(stripe.reason).toMatch(/Stripe/);
  });

  it('flags the right employer with the wrong title', () => {
    const report = check('At Parcelry I work as a Principal Engineer on checkout.');
    const title = claim(report, 'title', 'Principal Engineer');
    expect(title.supported).toBe(false);
    expect(title.reason).toMatch(/Senior Software Engineer/);
    expect(claim(report, 'employer', 'Parcelry').supported).toBe(true);
  });

  it('backs a title held at that employer, including in a resume heading', () => {
    const report = check(
      'Senior Software Engineer, Parcelry (2021–present)\n• Mentored four engineers through code review and pairing.',
    );
    expect(claim(report, 'title', 'Senior Software Engineer').supported).toBe(true);
    expect(unsupported(report)).toEqual([]);
  });

  it('reads a personal adjective as no part of the title', () => {
    const report = check("I'm a detail-oriented senior software engineer.");
    expect(claim(report, 'title', 'engineer').supported).toBe(true);
  });

  it('does not read the job title as a claim where the draft names the job', () => {
    const job = { ...northwindFrontend, title: 'Senior Frontend Engineer – Rust Platform' };
    const report = checkGrounding(
      "I'd welcome the chance to talk about the Senior Frontend Engineer – Rust Platform role. I have shipped customers' React storefronts.",
      maya,
      { now: NOW, job },
    );
    expect(report.claims.map((c) => c.text)).toEqual(['React']);
  });

  it('does not read the posting company or the role applied for as claims', () => {
    const report = checkGrounding(
      "I'd love to join Northwind Logistics as a Senior Frontend Engineer on your team.",
      maya,
      { now: NOW, job: northwindFrontend },
    );
    expect(report.claims).toEqual([]);
  });
});

describe('checkGrounding: years', () => {
  it('allows rounding up by half a year and no more', () => {
    // Parcelry (the only TypeScript role) runs 2021-03 to 2025-10: 4.6 years.
    const october = new Date('2025-10-15T00:00:00Z');
    expect(
      claim(check('I have 5 years of TypeScript.', october), 'years', '5 years').supported,
    ).toBe(true);
    const inflated = claim(check('I have 8 years of TypeScript.', october), 'years', '8 years');
    expect(inflated.supported).toBe(false);
    expect(inflated.reason).toMatch(/4\.6 years with TypeScript/);
  });

  it('counts total experience across the dated roles', () => {
    expect(claim(check('I have 9 years of experience.'), 'years', '9 years').supported).toBe(true);
    expect(claim(check('I have 15 years of experience.'), 'years', '15 years').supported).toBe(
      false,
    );
  });

  it('checks "since" against the earliest matching role', () => {
    expect(
      claim(check("I've been building websites since 2015."), 'years', 'since 2015').supported,
    ).toBe(true);
    expect(
      claim(check("I've been building websites since 2011."), 'years', 'since 2011').supported,
    ).toBe(false);
  });

  it('gives a duration to the skill it follows ("worked with Rust for 3 years")', () => {
    const report = check("I've worked with Rust for 3 years.");
    expect(claim(report, 'years', '3 years').supported).toBe(false);
  });
});

describe('checkGrounding: dates in resume headings', () => {
  it('checks the years a heading gives a named employer', () => {
    const report = check(
      'Senior Software Engineer, Parcelry (2018–present)\nFull-Stack Developer, Brightloom Studio (2017–2021)',
    );
    const stretched = claim(report, 'years', '2018');
    expect(stretched.supported).toBe(false);
    expect(stretched.reason).toMatch(/starts in 2021/);
    expect(claim(report, 'years', '2017–2021').supported).toBe(true);
  });
});

describe('checkGrounding: organisations that are also skill names', () => {
  it('reads "worked for Google Cloud" as an employer, and the duration as not about GCP', () => {
    const report = check('I worked for Google Cloud as a solutions engineer for two years.');
    expect(claim(report, 'employer', 'Google Cloud').supported).toBe(false);
    expect(report.claims.some((c) => c.kind === 'skill')).toBe(false);
  });
});

describe('checkGrounding: numbers', () => {
  it('backs numbers the profile states in the same context', () => {
    const report = check(
      "I cut the checkout page's p95 load time from 4.2s to 1.1s and built 12 Shopify storefronts.",
    );
    expect(unsupported(report)).toEqual([]);
    expect(claim(report, 'number', '4.2').evidence).toMatch(/checkout page/);
  });

  it('flags an invented metric', () => {
    const report = check('I reduced bounce rate by 40% on a client catalogue.');
    const metric = claim(report, 'number', '40%');
    expect(metric.supported).toBe(false);
    expect(metric.reason).toMatch(/nowhere/);
  });

  it('flags a number the profile states about something else', () => {
    const report = check('I managed a team of 12 engineers.');
    const metric = claim(report, 'number', '12');
    expect(metric.supported).toBe(false);
    expect(metric.reason).toMatch(/something else/);
  });

  it('backs a percentage the profile implies with a "from A to B" pair', () => {
    // 4.2s to 1.1s is a 74% cut.
    expect(unsupported(check('I cut checkout load time by 74%.'))).toEqual([]);
  });
});

describe('checkGrounding: labels and hedged numbers', () => {
  it('reads a line label as a topic and the rest of the line as the claim', () => {
    const report = check(
      "• **Kubernetes:** I haven't run it in production.\n• **React:** I rebuilt a client's catalogue in React.\nSkills: Rust, TypeScript",
    );
    expect(report.claims.map((c) => [c.text, c.supported])).toEqual([
      ['React', true],
      ['Rust', false],
      ['TypeScript', true],
    ]);
  });

  it('accepts "over N" when the profile says more, and not when it says less', () => {
    expect(unsupported(check('I led the migration of over 30 Node.js services.'))).toEqual([]);
    expect(unsupported(check('I led the migration of over 60 Node.js services.'))).toEqual([
      '60 Node.js services',
    ]);
  });
});

describe('checkGrounding: offers, rates and time frames', () => {
  it('does not read promises, rates or time frames as claims', () => {
    const report = check(
      "I can deliver a first fix within 2 weeks and I'm available 30 hours a week. My rate is $60 an hour. In the first 30 days I would profile the checkout and cut load time by at least 50%. Over the last 5 years I have shipped storefronts.",
    );
    expect(report.claims.filter((c) => c.kind === 'number')).toEqual([]);
  });

  it('still checks a result reported after a modal verb', () => {
    const report = check("I'd say my biggest win was cutting hosting costs by 45%.");
    expect(claim(report, 'number', '45%').supported).toBe(false);
  });

  it('takes context for a number from the whole sentence, not only its clause', () => {
    const report = check(
      "I cut the checkout page's p95 load time from 4.2s to 1.1s — a 74% reduction.",
    );
    expect(unsupported(report)).toEqual([]);
  });
});

describe('checkGrounding: skills', () => {
  it('backs a skill through its synonyms and flags one the profile lacks', () => {
    const report = check('I build storefronts with ReactJS, and I have deep Rust experience.');
    expect(claim(report, 'skill', 'ReactJS').supported).toBe(true);
    const rust = claim(report, 'skill', 'Rust');
    expect(rust.supported).toBe(false);
    expect(rust.reason).toBe('Rust appears nowhere in the profile.');
  });

  it('ignores skills the posting asks for, questions, and things to learn', () => {
    const report = check(
      'You need Rust and Kubernetes. Do you also use Elixir? I would love to learn Kotlin, and I have shipped React apps.',
    );
    expect(report.claims.map((c) => c.text)).toEqual(['React']);
    expect(report.unsupportedCount).toBe(0);
  });
});

describe('checkGrounding: certifications and degrees', () => {
  it('matches a certificate by its words, not by its vendor alone', () => {
    expect(
      claim(check("I'm AWS Certified Developer – Associate."), 'certification', 'AWS').supported,
    ).toBe(true);
    const fake = claim(check("I'm an AWS Certified Solutions Architect."), 'certification', 'AWS');
    expect(fake.supported).toBe(false);
    expect(fake.reason).toMatch(/AWS Certified Developer/);
  });

  it('checks degree level, subject and school', () => {
    expect(
      claim(
        check('I have a BSc in Computer Science from the University of Leeds.'),
        'degree',
        'BSc',
      ).supported,
    ).toBe(true);
    expect(claim(check('I hold an MSc in Computer Science.'), 'degree', 'MSc').supported).toBe(
      false,
    );
    expect(claim(check('I have a BSc in Physics.'), 'degree', 'BSc').supported).toBe(false);
    // Sharing one word ("Science") is not the same subject.
    expect(claim(check('I hold a BSc in Data Science.'), 'degree', 'BSc').supported).toBe(false);
    expect(claim(check('I graduated from Oxford University.'), 'degree', 'Oxford').supported).toBe(
      false,
    );
  });
});

describe('checkGrounding: report shape', () => {
  it('gives offsets that select the claim text, and counts unsupported claims', () => {
    const text = 'Hello!\n\nI worked at Stripe for 3 years and built 12 Shopify storefronts.';
    const report = check(text);
    for (const c of report.claims) expect(text.slice(c.start, c.end)).toBe(c.text);
    expect(report.unsupportedCount).toBe(report.claims.filter((c) => !c.supported).length);
    expect(report.unsupportedCount).toBeGreaterThan(0);
    expect(GroundingReport.parse(report)).toEqual(report);
  });

  it('still parses claims stored before kind, offsets and reason existed', () => {
    const old = GroundingClaim.parse({ text: 'x', supported: true, evidence: 'y' });
    expect(old).toEqual({ text: 'x', supported: true, evidence: 'y', confirmedByUser: false });
  });
});

describe('mergeConfirmations and blocksApproval', () => {
  const first = check('I worked at Stripe. I reduced bounce rate by 40%.');

  it('blocks approval while an unsupported claim is unconfirmed', () => {
    expect(blocksApproval(first)).toBe(true);
    const confirmed = {
      ...first,
      claims: first.claims.map((c) => ({ ...c, confirmedByUser: true })),
    };
    expect(blocksApproval(confirmed)).toBe(false);
    expect(blocksApproval(null)).toBe(false);
  });

  it('keeps a confirmation while the claim text is unchanged, even if it moved', () => {
    const confirmed = {
      ...first,
      claims: first.claims.map((c) =>
        c.kind === 'employer' ? { ...c, confirmedByUser: true } : c,
      ),
    };
    const edited = check('Hi! Before Parcelry I worked at Stripe. I reduced bounce rate by 45%.');
    const merged = mergeConfirmations(confirmed, edited);
    expect(claim(merged, 'employer', 'Stripe').confirmedByUser).toBe(true);
    expect(claim(merged, 'number', '45%').confirmedByUser).toBe(false);
    expect(blocksApproval(merged)).toBe(true);
    expect(mergeConfirmations(null, edited)).toEqual(edited);
  });
});

describe('checkGrounding on drafts the offline writer composed from the profile', () => {
  // Everything those drafts say about the user comes from the profile, so any flag is a false alarm.
  for (const job of [
    northwindFrontend,
    ceramicsShopify,
    dentalDashboard,
    ferryPayments,
    plainJob,
  ]) {
    it(`finds claims but flags none for ${job.id}`, () => {
      for (const kind of DRAFT_KINDS) {
        const draft = writeOfflineDraft({ job, profile: maya, kind, now: NOW });
        const report = checkGrounding(draft.text, maya, { now: NOW, job });
        expect(
          report.claims.filter((c) => !c.supported),
          `${kind}`,
        ).toEqual([]);
      }
    });
  }

  it('skips contact details and list numbers', () => {
    const text = 'maya@lindqvist.dev · +44 7700 900123\n\n1. Describe a recent project.';
    expect(check(text).claims).toEqual([]);
  });

  it('reads a clause after "your list —" as the posting\'s task', () => {
    const text =
      "I would start with the first item on your list — rebuild the dashboard's order grid so it stays fast with 100k+ rows.";
    expect(check(text).claims).toEqual([]);
  });

  it('skips prose copied from the posting, but only when the posting is given', () => {
    const text = "Rebuild the dashboard's order grid so it stays fast with 100k+ rows.";
    expect(checkGrounding(text, maya, { now: NOW, job: northwindFrontend }).claims).toEqual([]);
    expect(unsupported(check(text))).toEqual(['100k+ rows']);
  });
});
