import { ProfileInput } from '@applydesk/domain';
import { describe, expect, it } from 'vitest';
import { parseResumeText } from './parse.js';

/** All-caps headings, "Company — Title" over a date line, ▪ * and numbered bullets. */
const PLAIN = `JOHN SMITH
Data Engineer
Email: john.smith@example.org
Phone: (555) 123-4567
Denver, CO
https://johnsmith.example.com

PROFESSIONAL SUMMARY
Data engineer who builds batch and streaming pipelines.

WORK HISTORY
Initech Inc. — Data Engineer
Jan 2018 - Dec 2020
▪ Built Airflow DAGs for 40 pipelines
▪ Moved reporting to BigQuery
* Cut warehouse cost by 30%

Senior Data Engineer at Hooli
03/2021 – current
1. Designed a Kafka ingestion layer
2) Owned the dbt models

EDUCATION
University of Colorado Boulder
Master of Science in Statistics
2014 – 2016

SKILLS
Python | SQL | Apache Spark | k8s | pyspark | Snowflake

LANGUAGES
English (native), French - intermediate

PUBLICATIONS
"Streaming joins at scale", Data Eng Weekly, 2019

AWARDS:
Hooli Spot Award 2022
`;

/** Bold headings, the employer on its own line, "Title, Employer, Place | dates", – bullets. */
const BOLD = `**Maria Garcia**
Product Designer · maria@example.net · Lisbon, Portugal · dribbble.com/mariag

**Work Experience**

**Lumon Industries** | Lisbon
Lead Product Designer | September 2020 – today
• Redesigned the onboarding flow; activation rose 18%
• Built the design system in Figma

Product Designer, Vandelay Industries, Remote | 2017 – 2020
– Shipped 30+ A/B tests

**Education**
Universidade de Lisboa — MA, Communication Design (2015 – 2017)

**Skills**
Design: Figma, Sketch, Adobe XD, prototyping
Tools (Advanced): Webflow, HTML5, CSS
Research

**Interests**
Bouldering, film photography
`;

describe('parseResumeText: plain text with all-caps headings', () => {
  const { profile, warnings, unplaced } = parseResumeText(PLAIN);

  it('reads the name (title-cased), title and contact lines at the top', () => {
    expect(profile.basics).toMatchObject({
      name: 'John Smith',
      label: 'Data Engineer',
      email: 'john.smith@example.org',
      phone: '(555) 123-4567',
      url: 'https://johnsmith.example.com',
      location: { city: 'Denver', region: 'CO' },
      summary: 'Data engineer who builds batch and streaming pipelines.',
    });
  });

  it('reads two date formats and three bullet glyphs into roles', () => {
    expect(profile.work).toEqual([
      {
        name: 'Initech Inc.',
        position: 'Data Engineer',
        startDate: '2018-01',
        endDate: '2020-12',
        highlights: [
          'Built Airflow DAGs for 40 pipelines',
          'Moved reporting to BigQuery',
          'Cut warehouse cost by 30%',
        ],
      },
      {
        name: 'Hooli',
        position: 'Senior Data Engineer',
        startDate: '2021-03',
        highlights: ['Designed a Kafka ingestion layer', 'Owned the dbt models'],
      },
    ]);
  });

  it('splits the degree into study type and area', () => {
    expect(profile.education).toEqual([
      {
        institution: 'University of Colorado Boulder',
        studyType: 'Master of Science',
        area: 'Statistics',
        startDate: '2014',
        endDate: '2016',
      },
    ]);
  });

  it('folds skills into canonical names, once each ("Apache Spark" and "pyspark" are Spark)', () => {
    expect(profile.skills?.map((s) => s.name)).toEqual([
      'Python',
      'SQL',
      'Spark',
      'Kubernetes',
      'Snowflake',
    ]);
  });

  it('reads languages with their fluency', () => {
    expect(profile.languages).toEqual([
      { language: 'English', fluency: 'native' },
      { language: 'French', fluency: 'intermediate' },
    ]);
  });

  it('keeps sections a Profile does not have in unplaced, with a warning each', () => {
    expect(unplaced).toEqual([
      'PUBLICATIONS',
      '"Streaming joins at scale", Data Eng Weekly, 2019',
      'AWARDS',
      'Hooli Spot Award 2022',
    ]);
    expect(profile.unplaced).toEqual(unplaced);
    expect(warnings).toEqual([
      'section "PUBLICATIONS" is not one a Profile has: its 1 line(s) are in unplaced',
      'section "AWARDS" is not one a Profile has: its 1 line(s) are in unplaced',
    ]);
  });

  it('gives a draft the Profile schema accepts', () => {
    expect(ProfileInput.safeParse(profile).success).toBe(true);
  });
});

describe('parseResumeText: bold headings and employer-first layouts', () => {
  const { profile, unplaced, warnings } = parseResumeText(BOLD);

  it('takes the title and contact details out of one dotted line', () => {
    expect(profile.basics).toEqual({
      name: 'Maria Garcia',
      label: 'Product Designer',
      email: 'maria@example.net',
      location: { city: 'Lisbon', countryCode: 'PT' },
      profiles: [{ network: 'Dribbble', username: 'mariag', url: 'https://dribbble.com/mariag' }],
    });
  });

  it('tells employer, position and place apart whatever their order', () => {
    expect(profile.work).toEqual([
      {
        name: 'Lumon Industries',
        position: 'Lead Product Designer',
        location: 'Lisbon',
        startDate: '2020-09',
        highlights: [
          'Redesigned the onboarding flow; activation rose 18%',
          'Built the design system in Figma',
        ],
      },
      {
        name: 'Vandelay Industries',
        position: 'Product Designer',
        location: 'Remote',
        startDate: '2017',
        endDate: '2020',
        highlights: ['Shipped 30+ A/B tests'],
      },
    ]);
  });

  it('reads "School — MA, Area (dates)"', () => {
    expect(profile.education).toEqual([
      {
        institution: 'Universidade de Lisboa',
        studyType: 'MA',
        area: 'Communication Design',
        startDate: '2015',
        endDate: '2017',
      },
    ]);
  });

  it('makes "Category: a, b" lines skill groups, with a level when one is given', () => {
    expect(profile.skills).toEqual([
      { name: 'Design', keywords: ['Figma', 'Sketch', 'Adobe XD', 'Prototyping'] },
      { name: 'Tools', level: 'Advanced', keywords: ['Webflow', 'HTML', 'CSS'] },
      { name: 'Research', keywords: [] },
    ]);
  });

  it('keeps the Interests section in unplaced', () => {
    expect(unplaced).toEqual(['Interests', 'Bouldering, film photography']);
    expect(warnings).toHaveLength(1);
  });
});

describe('parseResumeText: what it cannot place', () => {
  it('keeps bullets before any role, prose in Skills, and stray lines at the top', () => {
    const { profile, unplaced, warnings } = parseResumeText(`# Ada Lovelace
Analytical engines
Open to relocation within the EU for the right team.

## Experience
- Wrote the first published algorithm

## Skills
I am comfortable with most things a computer can be asked to do, given time.
Mathematics, Babbage Engine
`);
    expect(profile.basics.name).toBe('Ada Lovelace');
    expect(profile.basics.label).toBe('Analytical engines');
    expect(profile.work).toEqual([]);
    expect(profile.skills?.map((s) => s.name)).toEqual(['Mathematics', 'Babbage Engine']);
    expect(unplaced).toEqual([
      'Open to relocation within the EU for the right team.',
      'Wrote the first published algorithm',
      'I am comfortable with most things a computer can be asked to do, given time.',
    ]);
    expect(warnings).toEqual([
      'experience: 1 bullet(s) come before any role, so they are in unplaced',
      'skills: "I am comfortable with most things a computer can be asked..." reads as prose, not a list; it is in unplaced',
      '1 line(s) at the top are not a name, title or contact detail; they are in unplaced',
    ]);
  });

  it('warns when there is no name and no heading at all', () => {
    const { profile, warnings, unplaced } = parseResumeText(
      'ada@example.com\nsome notes about nothing in particular, really',
    );
    expect(profile.basics.email).toBe('ada@example.com');
    expect(profile.basics.name).toBe('');
    expect(unplaced).toEqual(['some notes about nothing in particular, really']);
    expect(warnings).toContain(
      'no name found at the top of the resume: basics.name is empty, fill it in before saving',
    );
    expect(warnings).toContain(
      'found no section headings (Experience, Education, Skills…): only contact details were read',
    );
  });

  it('reads "Skills:" and "Languages:" lines with their content as sections', () => {
    const { profile } = parseResumeText(`Sam Lee
sam@example.com
Skills: ReactJS, React.js, Vue 3, GraphQL
Languages: English (native); Korean – C1`);
    expect(profile.skills?.map((s) => s.name)).toEqual(['React', 'Vue.js', 'GraphQL']);
    expect(profile.languages).toEqual([
      { language: 'English', fluency: 'native' },
      { language: 'Korean', fluency: 'C1' },
    ]);
  });

  it('joins a wrapped bullet to its bullet, and reads a setext heading', () => {
    const { profile } = parseResumeText(`Kim Park
========

Experience
----------
Staff Engineer, Initrode LLC | 2015 – 2022
- Rebuilt the billing pipeline
  end to end in Rust
- Ran the on-call rotation
`);
    expect(profile.basics.name).toBe('Kim Park');
    expect(profile.work).toEqual([
      {
        name: 'Initrode LLC',
        position: 'Staff Engineer',
        startDate: '2015',
        endDate: '2022',
        highlights: ['Rebuilt the billing pipeline end to end in Rust', 'Ran the on-call rotation'],
      },
    ]);
  });

  it('splits entries that have no bullets: stacked title, employer and dates; two schools', () => {
    const { profile } = parseResumeText(`Curriculum Vitae
Lee Chen

Experience
Software Engineer
Globex Inc.
Jan 2018 - Dec 2020
Junior Developer
Initech
2016 – 2017

Education
Massachusetts Institute of Technology
MSc Computer Science, 2016
University of Toronto
BA Economics (2010 – 2014)
`);
    expect(profile.basics.name).toBe('Lee Chen');
    expect(profile.work?.map((w) => [w.position, w.name, w.startDate, w.endDate])).toEqual([
      ['Software Engineer', 'Globex Inc.', '2018-01', '2020-12'],
      ['Junior Developer', 'Initech', '2016', '2017'],
    ]);
    expect(profile.education).toEqual([
      {
        institution: 'Massachusetts Institute of Technology',
        studyType: 'MSc',
        area: 'Computer Science',
        endDate: '2016',
      },
      {
        institution: 'University of Toronto',
        studyType: 'BA',
        area: 'Economics',
        startDate: '2010',
        endDate: '2014',
      },
    ]);
  });
});
