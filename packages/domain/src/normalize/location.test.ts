import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inferRemote, normalizeLocation } from './location.js';

describe('inferRemote: location and title fields', () => {
  it.each([
    ['Remote', 'remote'],
    ['Remote (US)', 'remote'],
    ['US-Remote', 'remote'],
    ['Anywhere', 'remote'],
    ['Worldwide', 'remote'],
    ['Work from home', 'remote'],
    ['WFH', 'remote'],
    ['Distributed', 'remote'],
    ['San Francisco, CA or Remote', 'remote'],
    ['Hybrid', 'hybrid'],
    ['Hybrid - London', 'hybrid'],
    // HN "Who is hiring" (Tendavo): on-site with hybrid days is hybrid.
    ['Stockholm | On-site (Hybrid)', 'hybrid'],
    ['NYC (2 days in office)', 'hybrid'],
    ['London, 3 days a week in the office', 'hybrid'],
    ['On-site', 'onsite'],
    ['Onsite - Austin, TX', 'onsite'],
    ['In office', 'onsite'],
    ['In-person', 'onsite'],
    ['Berlin (not remote)', 'onsite'],
    ['No remote', 'onsite'],
    ['5 days in office', 'onsite'],
    ['Berlin', 'unknown'],
    ['', 'unknown'],
  ])('location %j -> %s', (location, expected) => {
    expect(inferRemote({ location })).toBe(expected);
  });

  it('reads the title when the location says nothing', () => {
    expect(inferRemote({ title: 'Senior Engineer (Remote)', location: 'Berlin' })).toBe('remote');
    expect(inferRemote({ title: 'Backend Engineer - Hybrid', location: null })).toBe('hybrid');
    expect(inferRemote({ title: 'Remote Sensing Analyst', location: 'Denver, CO' })).toBe(
      'unknown',
    );
    expect(
      inferRemote({ title: 'Principal Distributed Systems Engineer', location: 'London, UK' }),
    ).toBe('unknown');
  });

  it('lets the location field win over the description', () => {
    expect(
      inferRemote({ location: 'On-site, Paris', text: 'We are a fully remote company.' }),
    ).toBe('onsite');
    expect(inferRemote({ location: 'Remote', text: 'This role is based in our office.' })).toBe(
      'remote',
    );
  });
});

describe('inferRemote: descriptions', () => {
  it.each([
    ['This role is fully remote within the US.', 'remote'],
    ['You can work remotely from anywhere in Europe.', 'remote'],
    ['We are a remote-first company.', 'remote'],
    ['Work from home with flexible hours.', 'remote'],
    ['This is a hybrid role: 3 days a week in our Berlin office.', 'hybrid'],
    ['We work hybrid, Tuesdays to Thursdays at HQ.', 'hybrid'],
    ['You will be in the office 2 days per week.', 'hybrid'],
    ['This is an on-site position in Austin.', 'onsite'],
    ['You must be on-site five days a week.', 'onsite'],
    ['This position is not remote.', 'onsite'],
    // Words that are not about where one works.
    ['Experience with remote sensing and GIS.', 'unknown'],
    ['Build remote monitoring for medical devices.', 'unknown'],
    ['Design hybrid cloud infrastructure.', 'unknown'],
    ['We offer onsite gym and free lunches.', 'unknown'],
    ['We ship great software.', 'unknown'],
  ])('%s -> %s', (text, expected) => {
    expect(inferRemote({ text })).toBe(expected);
  });

  it('reads a pipe-separated header line as labels (HN "Who is hiring?")', () => {
    // shared/fixtures/hn/whoishiring_eval_cases.json
    expect(
      inferRemote({
        text: 'Neon Health | Founding Sr Backend Engineer | SF, Remote (North America) | Full-time\nWe are hiring.',
      }),
    ).toBe('remote');
    expect(
      inferRemote({
        text: 'Tendavo | Founding Engineer | Stockholm | On-site (Hybrid) | Full-time',
      }),
    ).toBe('hybrid');
    expect(
      inferRemote({ text: 'Galaxy | NYC, NY | Full time\n-- Founding Frontend Engineer' }),
    ).toBe('unknown');
  });

  it('takes the first statement when the text makes two', () => {
    expect(inferRemote({ text: 'This is an on-site role. Our remote team in Lisbon helps.' })).toBe(
      'onsite',
    );
  });
});

describe('normalizeLocation', () => {
  it.each([
    ['San Francisco, CA', 'San Francisco', 'CA', 'US', null],
    ['New York, NY', 'New York', 'NY', 'US', null],
    ['NYC', 'New York', 'NY', 'US', null],
    ['Austin, TX 78701', 'Austin', 'TX', 'US', null],
    ['Springfield, IL', 'Springfield', 'IL', 'US', null],
    ['Tel Aviv, IL', 'Tel Aviv', null, 'IL', null],
    ['Berlin, Germany', 'Berlin', null, 'DE', null],
    ['Berlin, DE', 'Berlin', null, 'DE', null],
    ['Wilmington, DE', 'Wilmington', 'DE', 'US', null],
    ['London, UK', 'London', null, 'GB', null],
    ['London, ON, Canada', 'London', 'ON', 'CA', null],
    ['Toronto, ON', 'Toronto', 'ON', 'CA', null],
    ['München', 'Munich', null, 'DE', null],
    ['Stockholm', 'Stockholm', null, 'SE', null],
    ['Sydney NSW', 'Sydney NSW', null, null, null],
    ['Sydney, NSW, Australia', 'Sydney', 'NSW', 'AU', null],
    ['Bavaria, Germany', 'Bavaria', null, 'DE', null],
    ['Munich, Bavaria, Germany', 'Munich', 'Bavaria', 'DE', null],
    ['California', null, 'CA', 'US', null],
    ['United States', null, null, 'US', null],
    ['Remote', null, null, null, null],
    ['Remote (US)', null, null, 'US', 'US'],
    ['Remote - US', null, null, 'US', 'US'],
    ['US Remote', null, null, 'US', 'US'],
    ['Remote (US only)', null, null, 'US', 'US'],
    ['Remote - UK/EU', null, null, 'GB', 'GB'],
    ['Remote, Europe', null, null, null, 'Europe'],
    ['Remote (EU)', null, null, null, 'EU'],
    ['Anywhere', null, null, null, 'Worldwide'],
    ['Remote - Worldwide', null, null, null, 'Worldwide'],
    // HN headers (shared/fixtures/hn).
    ['SF, Remote (North America)', 'San Francisco', 'CA', 'US', 'North America'],
    ['NYC, NY', 'New York', 'NY', 'US', null],
    ['San Francisco or Remote', 'San Francisco', 'CA', 'US', null],
    ['Multiple Locations', null, null, null, null],
  ])('%j', (raw, city, region, country, remoteScope) => {
    expect(normalizeLocation(raw)).toEqual({
      text: raw.replace(/\s+/g, ' ').trim(),
      city,
      region,
      country,
      remoteScope,
    });
  });

  it('tidies spacing in text', () => {
    expect(normalizeLocation('  San   Francisco,\tCA ').text).toBe('San Francisco, CA');
  });
});

/** Phrases built from the words inferRemote reads, with filler between them. */
const remoteish = fc
  .array(
    fc.constantFrom(
      'remote',
      'Remote (US)',
      'hybrid',
      'on-site',
      'onsite',
      'in office',
      'not remote',
      'fully remote',
      '2 days in office',
      'anywhere',
      'WFH',
      'work from home',
      'this role is',
      'Berlin',
      'team',
      'remote sensing',
      'hybrid cloud',
      'we',
      '.',
      ',',
      '|',
      'Acme | Engineer |',
    ),
    { maxLength: 8 },
  )
  .map((words) => words.join(' '));

/**
 * The same text with each space made a random run of spaces and tabs, and line breaks around
 * it. (A line break inside the text is structure, not spacing: it can end an HN header line.)
 */
const respaced = (text: string, runs: readonly string[]): string => {
  let i = 0;
  const inner = text.replace(/ /g, () => runs[i++ % Math.max(1, runs.length)] ?? ' ');
  return `\n ${inner} \n\t`;
};

describe('location properties', () => {
  it('inferRemote does not change with case or extra whitespace', () => {
    fc.assert(
      fc.property(
        fc.oneof(remoteish, fc.string()),
        fc.array(fc.constantFrom(' ', '  ', '\t', ' \t ', '   '), { minLength: 1, maxLength: 5 }),
        fc.constantFrom<'location' | 'title' | 'text'>('location', 'title', 'text'),
        (text, runs, field) => {
          const base = inferRemote({ [field]: text });
          expect(inferRemote({ [field]: text.toUpperCase() })).toBe(base);
          expect(inferRemote({ [field]: text.toLowerCase() })).toBe(base);
          expect(inferRemote({ [field]: respaced(text, runs) })).toBe(base);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('normalizeLocation never throws and keeps its shape on any string', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string(), remoteish), (raw) => {
        const out = normalizeLocation(raw);
        expect(Object.keys(out).sort()).toEqual(
          ['city', 'country', 'region', 'remoteScope', 'text'].sort(),
        );
        if (out.country !== null) expect(out.country).toMatch(/^[A-Z]{2}$/);
      }),
      { numRuns: 3000 },
    );
  });
});
