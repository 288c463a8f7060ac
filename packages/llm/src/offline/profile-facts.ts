import { extractSkills, normalizeSkills, type Profile } from '@applydesk/domain';
import { monthOf, parseResumeDate, yearRange } from './dates.js';

export type EvidenceSource = 'work' | 'project' | 'skill' | 'certificate' | 'education';

/** One statement the profile makes, verbatim, with where it comes from. */
export interface ProfileFact {
  source: EvidenceSource;
  part: 'highlight' | 'summary' | 'description' | 'listing' | 'name' | 'area';
  /** The profile's own text, unchanged. */
  text: string;
  /** Human-readable origin, e.g. "Senior Engineer at Acme (2019–2023)". */
  where: string;
  /** The entry's name (employer, project, certificate, skill group, institution). */
  entry: string;
  /** Canonical skills the fact names, lowercased for comparison. */
  skills: ReadonlySet<string>;
  /** True when the text carries a number (a measured result reads stronger). */
  quantified: boolean;
  /** Month the entry ended, `now` when ongoing, null when undated. */
  endMonth: number | null;
  /** Position in the profile, for stable ordering. */
  order: number;
}

function lowerSet(skills: readonly string[]): ReadonlySet<string> {
  return new Set(skills.map((s) => s.toLowerCase()));
}

/** A number that is not part of a name like "S3" or "OAuth2". */
function hasNumber(text: string): boolean {
  return /(^|[^A-Za-z0-9])\$?\d/.test(text);
}

export function workWhere(entry: {
  position: string;
  name: string;
  startDate?: string;
  endDate?: string;
}): string {
  const range = yearRange(entry.startDate, entry.endDate);
  return `${entry.position} at ${entry.name}${range === '' ? '' : ` (${range})`}`;
}

function endMonth(
  startDate: string | undefined,
  endDate: string | undefined,
  now: Date,
): number | null {
  if (endDate !== undefined && endDate.trim() !== '') return parseResumeDate(endDate);
  return parseResumeDate(startDate) === null ? null : monthOf(now);
}

/** Every statement of the profile that can back a claim, in profile order. */
export function profileFacts(profile: Profile, now: Date): ProfileFact[] {
  const facts: ProfileFact[] = [];
  const add = (fact: Omit<ProfileFact, 'order' | 'quantified'>): void => {
    if (fact.text.trim() === '') return;
    facts.push({ ...fact, quantified: hasNumber(fact.text), order: facts.length });
  };

  for (const work of profile.work) {
    const base = {
      source: 'work' as const,
      where: workWhere(work),
      entry: work.name,
      endMonth: endMonth(work.startDate, work.endDate, now),
    };
    for (const highlight of work.highlights)
      add({
        ...base,
        part: 'highlight',
        text: highlight,
        skills: lowerSet(extractSkills(highlight)),
      });
    if (work.summary !== undefined)
      add({
        ...base,
        part: 'summary',
        text: work.summary,
        skills: lowerSet(extractSkills(work.summary)),
      });
  }

  for (const project of profile.projects) {
    const range = yearRange(project.startDate, project.endDate);
    const base = {
      source: 'project' as const,
      where: `${project.name} (project${range === '' ? '' : `, ${range}`})`,
      entry: project.name,
      endMonth: endMonth(project.startDate, project.endDate, now),
    };
    const keywords = normalizeSkills(project.keywords);
    // The project's keywords describe the project as a whole, so they back its description.
    if (project.description !== undefined) {
      add({
        ...base,
        part: 'description',
        text: project.description,
        skills: lowerSet([...extractSkills(project.description), ...keywords]),
      });
    }
    for (const highlight of project.highlights)
      add({
        ...base,
        part: 'highlight',
        text: highlight,
        skills: lowerSet(extractSkills(highlight)),
      });
  }

  for (const certificate of profile.certificates) {
    const details = [certificate.issuer, certificate.date?.slice(0, 4)].filter(
      (d) => d !== undefined && d !== '',
    );
    add({
      source: 'certificate',
      part: 'name',
      text: certificate.name,
      where:
        details.length === 0 ? certificate.name : `${certificate.name} (${details.join(', ')})`,
      entry: certificate.name,
      skills: lowerSet(extractSkills(certificate.name)),
      endMonth: parseResumeDate(certificate.date),
    });
  }

  for (const school of profile.education) {
    const subject = school.area ?? school.studyType;
    if (subject === undefined) continue;
    const range = yearRange(school.startDate, school.endDate);
    const degree = [school.studyType, school.area].filter((d) => d !== undefined).join(' in ');
    add({
      source: 'education',
      part: 'area',
      text: subject,
      where: `${degree}, ${school.institution}${range === '' ? '' : ` (${range})`}`,
      entry: school.institution,
      skills: lowerSet(extractSkills(subject)),
      endMonth: parseResumeDate(school.endDate),
    });
  }

  for (const group of profile.skills) {
    for (const name of [group.name, ...group.keywords]) {
      add({
        source: 'skill',
        part: 'listing',
        text: name,
        where: name === group.name ? 'Skills' : `Skills: ${group.name}`,
        entry: group.name,
        skills: lowerSet(normalizeSkills([name])),
        endMonth: null,
      });
    }
  }
  return facts;
}
