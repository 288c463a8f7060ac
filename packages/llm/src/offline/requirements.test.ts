import { describe, expect, it } from 'vitest';
import { extractRequirements, parseYears, problemStatement } from './requirements.js';
import {
  ceramicsShopify,
  dentalDashboard,
  ferryPayments,
  northwindFrontend,
  plainJob,
} from './test-support/fixtures.js';

describe('parseYears', () => {
  it.each([
    ['5+ years of professional experience with TypeScript', 5],
    ['3-5 years building APIs', 3],
    ['3–5 yrs of backend work', 3],
    ['At least four years of experience in Python', 4],
    ['Minimum of 2 years with Django', 2],
    ['2 years of hands-on experience with React', 2],
    ['10 or more years in industry', 10],
    ['Seven+ years leading teams', 7],
  ])('reads %j as %d', (text, years) => {
    expect(parseYears(text)).toBe(years);
  });

  it.each([
    'Years of experience with React',
    'Founded 12 years ago in Berlin',
    'Strong PostgreSQL skills',
  ])('finds no minimum in %j', (text) => {
    expect(parseYears(text)).toBeNull();
  });
});

describe('extractRequirements', () => {
  it('reads headed sections of an ATS posting and skips company, benefits and the intro', () => {
    const requirements = extractRequirements(northwindFrontend);
    expect(requirements.map((r) => [r.kind, r.text])).toEqual([
      ['responsibility', "Rebuild the dashboard's order grid so it stays fast with 100k+ rows"],
      ['responsibility', 'Work with backend engineers on the REST APIs the dashboard needs'],
      ['responsibility', 'Set up performance budgets and monitoring for page load time'],
      ['required', '5+ years of professional experience with TypeScript and React'],
      [
        'required',
        'Experience making data-heavy web apps fast (profiling, virtualization, caching)',
      ],
      ['required', 'Comfortable designing REST APIs together with backend engineers'],
      ['required', 'Experience writing end-to-end tests (Playwright or Cypress)'],
      ['nice', 'GraphQL'],
      ['nice', 'Experience with logistics or warehouse software'],
    ]);
    const first = requirements.find((r) => r.kind === 'required');
    expect(first?.skills).toEqual(['TypeScript', 'React']);
    expect(first?.years).toBe(5);
  });

  it('reads a freelance post: an inline "What I need:" list, loose must-haves and a nice-to-have', () => {
    const requirements = extractRequirements(ceramicsShopify);
    expect(requirements.filter((r) => r.kind === 'responsibility').map((r) => r.text)).toEqual([
      'Audit the theme and installed apps and report what is hurting speed',
      'Fix the Liquid theme code and lazy-load images',
      'Get the mobile PageSpeed score above 70',
    ]);
    expect(requirements.find((r) => r.kind === 'required')).toMatchObject({
      text: 'Must have proven Shopify theme experience.',
      skills: ['Shopify'],
    });
    expect(requirements.find((r) => r.kind === 'nice')?.text).toBe(
      'Experience with Core Web Vitals is a plus.',
    );
    // "Start your proposal with the word …" is an instruction, not a requirement.
    expect(requirements.some((r) => /proposal|ceramics/i.test(r.text))).toBe(false);
  });

  it('takes sentences naming skills or deliverables from a post without headings', () => {
    const requirements = extractRequirements(plainJob);
    expect(requirements.map((r) => [r.kind, r.text])).toEqual([
      [
        'responsibility',
        'I need a Laravel developer to fix a bug in our invoicing module that sends duplicate emails.',
      ],
      ['required', 'You must know MySQL well.'],
      ['nice', 'Experience with Stripe is a plus.'],
    ]);
    expect(requirements[0]?.skills).toEqual(['Laravel']);
    expect(requirements[2]?.skills).toEqual(['Stripe']);
  });

  it('drops text that addresses the applicant’s AI', () => {
    const texts = extractRequirements(dentalDashboard).map((r) => r.text);
    expect(texts).toEqual([
      'Strong React and TypeScript',
      'Experience with charting libraries',
      'Experience consuming REST APIs',
    ]);
    expect(texts.join(' ')).not.toMatch(/rust|ignore|address/i);
  });

  it('parses plain-text headings of a Lever posting', () => {
    const requirements = extractRequirements(ferryPayments);
    expect(requirements.find((r) => r.skills.includes('Go'))).toMatchObject({
      kind: 'required',
      years: 3,
    });
    expect(requirements.find((r) => r.text === 'Kafka')?.kind).toBe('nice');
    expect(requirements.some((r) => r.text.includes('Salary'))).toBe(false);
  });
});

describe('problemStatement', () => {
  it('prefers the sentence that states the pain over hiring boilerplate', () => {
    expect(problemStatement(northwindFrontend)).toBe(
      'Our warehouse dashboard takes 30+ seconds to load for our largest customers, and support tickets about it doubled this year.',
    );
    expect(problemStatement(ferryPayments)).toBe(
      'Our payout service was written quickly in 2019 and now fails under month-end load, delaying carrier payments by days.',
    );
  });

  it('takes the "I need …" / "We\'re looking for …" sentence of a marketplace post', () => {
    expect(problemStatement(ceramicsShopify)).toBe(
      'I need a developer to find what is slowing the store down and fix it without breaking the current design.',
    );
    expect(problemStatement(dentalDashboard)).toMatch(
      /^We're looking for a React developer to build an admin dashboard/,
    );
  });

  it('skips labelled fact lines ("Tech stack: …") and finds the pain in plain-text posts', () => {
    const post = {
      ...plainJob,
      descriptionText: [
        'Hi there,',
        '',
        'We are a small SaaS for dental practices. Our Express API started leaking memory after we added PDF exports and now restarts every few hours.',
        '',
        'What I need:',
        '- Find and fix the memory leak, and explain the cause',
        '',
        'Tech stack: Node.js, TypeScript, AWS, Docker, Testing',
      ].join('\n'),
    };
    expect(problemStatement(post)).toBe(
      'Our Express API started leaking memory after we added PDF exports and now restarts every few hours.',
    );
  });

  it('never picks an injected instruction', () => {
    expect(problemStatement(dentalDashboard)).not.toMatch(/ignore|rust/i);
  });
});
