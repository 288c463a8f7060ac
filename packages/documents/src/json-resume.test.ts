import { DomainError, ProfileInput } from '@applydesk/domain';
import { describe, expect, it } from 'vitest';
import { importResume } from './import-resume.js';

/** A JSON Resume in the shape of jsonresume.org's sample, with made-up details. */
const RESUME = {
  $schema: 'https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json',
  basics: {
    name: 'Richard Hendricks',
    label: 'Programmer',
    image: '',
    email: 'richard.hendricks@example.com',
    phone: '(912) 555-4321',
    url: 'https://richardhendricks.example.com',
    summary: 'Richard hails from Tulsa. He has earned degrees from the University of Oklahoma.',
    location: {
      address: '2712 Broadway St',
      postalCode: 'CA 94115',
      city: 'San Francisco',
      countryCode: 'US',
      region: 'California',
    },
    profiles: [{ network: 'Twitter', username: 'neutralthoughts', url: '' }],
  },
  work: [
    {
      name: 'Pied Piper',
      position: 'CEO/President',
      url: 'https://piedpiper.example.com',
      startDate: '2013-12-01',
      endDate: 'Present',
      summary: 'Pied Piper is a multi-platform technology company.',
      highlights: [
        'Build an algorithm for artist to detect if their music was violating copy right infringement laws',
      ],
      team: 'Founders',
    },
    { company: 'Hooli', position: 'Engineer', startDate: '2011-06', endDate: '2013-11' },
  ],
  volunteer: [
    {
      organization: 'CoderDojo',
      position: 'Teacher',
      startDate: '2012-01-01',
      endDate: '2013-01-01',
      summary: 'Global movement of free coding clubs for young people.',
      highlights: ['Awarded "Teacher of the Month"'],
    },
  ],
  education: [
    {
      institution: 'University of Oklahoma',
      area: 'Information Technology',
      studyType: 'Bachelor',
      startDate: '2011-06-01',
      endDate: '2014-01-01',
      score: '4.0',
      courses: ['DB1101 - Basic SQL'],
    },
  ],
  awards: [
    { title: 'Digital Compression Pioneer Award', date: '2014-11-01', awarder: 'Techcrunch' },
  ],
  certificates: [{ name: 'Certified Scrum Master', date: '2020-03', issuer: 'Scrum Alliance' }],
  skills: [
    { name: 'Web Development', level: 'Master', keywords: ['HTML', 'CSS', 'ReactJS', 'k8s'] },
  ],
  languages: [{ language: 'English', fluency: 'Native speaker' }],
  interests: [{ name: 'Wildlife', keywords: ['Ferrets', 'Unicorns'] }],
  projects: [
    {
      name: 'Miss Direction',
      description: 'A mapping engine that misguides you',
      highlights: ['Won award at AIHacks 2016'],
      keywords: ['GoogleMaps', 'node'],
      startDate: '2016-08-24',
      endDate: '2016-08-24',
      url: 'https://missdirection.example.com',
    },
  ],
  meta: { version: 'v1.0.0' },
};

const file = (
  value: unknown,
  fileName = 'resume.json',
): { bytes: Uint8Array; fileName: string } => ({
  bytes: new TextEncoder().encode(
    typeof value === 'string' ? value : JSON.stringify(value, null, 2),
  ),
  fileName,
});

async function refusal(value: unknown, fileName?: string): Promise<DomainError> {
  const error: unknown = await importResume(file(value, fileName)).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe('INVALID_INPUT');
  return error as DomainError;
}

describe('importResume: JSON Resume', () => {
  it('maps a valid JSON Resume, keeping unknown keys and folding skills', async () => {
    const { profile, format, warnings, unplaced } = await importResume(file(RESUME));
    expect(format).toBe('json-resume');
    expect(profile.basics).toMatchObject({
      name: 'Richard Hendricks',
      image: '',
      location: { city: 'San Francisco', countryCode: 'US', region: 'California' },
      profiles: [{ network: 'Twitter', username: 'neutralthoughts', url: '' }],
    });
    expect(profile.work).toEqual([
      {
        name: 'Pied Piper',
        position: 'CEO/President',
        url: 'https://piedpiper.example.com',
        startDate: '2013-12-01',
        summary: 'Pied Piper is a multi-platform technology company.',
        highlights: [
          'Build an algorithm for artist to detect if their music was violating copy right infringement laws',
        ],
        team: 'Founders',
      },
      // The employer as `company`, as before v1.0.0 of the schema.
      {
        name: 'Hooli',
        position: 'Engineer',
        startDate: '2011-06',
        endDate: '2013-11',
        highlights: [],
      },
    ]);
    expect(profile.education?.[0]).toMatchObject({
      institution: 'University of Oklahoma',
      studyType: 'Bachelor',
      courses: ['DB1101 - Basic SQL'],
    });
    expect(profile.skills).toEqual([
      {
        name: 'Web Development',
        level: 'Master',
        keywords: ['HTML', 'CSS', 'React', 'Kubernetes'],
      },
    ]);
    expect(profile.projects?.[0]?.keywords).toEqual(['GoogleMaps', 'Node.js']);
    expect(profile.certificates).toEqual([
      { name: 'Certified Scrum Master', date: '2020-03', issuer: 'Scrum Alliance' },
    ]);
    expect(unplaced).toEqual([
      'volunteer: CoderDojo · Teacher · 2012-01-01 · 2013-01-01 · Global movement of free coding clubs for young people. · Awarded "Teacher of the Month"',
      'awards: Digital Compression Pioneer Award · 2014-11-01 · Techcrunch',
      'interests: Wildlife · Ferrets; Unicorns',
    ]);
    expect(warnings).toEqual([
      '"volunteer" is not a section a Profile has: its 1 item(s) are in unplaced',
      '"awards" is not a section a Profile has: its 1 item(s) are in unplaced',
      '"interests" is not a section a Profile has: its 1 item(s) are in unplaced',
    ]);
    expect(ProfileInput.safeParse(profile).success).toBe(true);
  });

  it('is told by content even without a .json name', async () => {
    const read = await importResume(file(RESUME, 'resume.txt'));
    expect(read.format).toBe('json-resume');
  });

  it('refuses a JSON Resume with wrong types and dates, listing each problem as path: reason', async () => {
    const error = await refusal({
      basics: { name: 42, profiles: 'github' },
      work: [{ name: 'Acme', position: 'Engineer', startDate: 'March 2019' }],
      skills: [{ name: 'Go', keywords: 'go, rust' }],
    });
    expect(error.details?.problems).toEqual([
      'basics.name: Invalid input: expected string, received number',
      'basics.profiles: Invalid input: expected array, received string',
      'work.0.startDate: expected a date as YYYY, YYYY-MM or YYYY-MM-DD',
      'skills.0.keywords: Invalid input: expected array, received string',
    ]);
    expect(error.message).toBe(
      `resume.json: not a valid JSON Resume: ${(error.details?.problems as string[]).join('; ')}`,
    );
    expect(error.hint).toMatch(/jsonresume\.org\/schema/);
  });

  it('refuses JSON that is not a resume at all, and JSON that does not parse', async () => {
    expect((await refusal({ name: 'my-package', version: '1.0.0' }, 'package.json')).message).toBe(
      'package.json: not a valid JSON Resume: (root): has none of the JSON Resume sections (basics, work, education, certificates, skills, languages, projects); its keys are name, version',
    );
    expect((await refusal([1, 2], 'list.json')).message).toBe(
      'list.json: not a valid JSON Resume: (root): expected an object, got an array',
    );
    expect((await refusal('{"basics": {"name": "A",}}', 'broken.json')).message).toMatch(
      /^broken\.json: not valid JSON \(.+\)$/,
    );
  });
});
