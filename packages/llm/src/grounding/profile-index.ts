/** What the grounding check compares claims with: the profile's statements, roles, schools and certificates. */
import type { Profile } from '@applydesk/domain';
import { profileFacts, workWhere } from '../offline/profile-facts.js';

export interface Statement {
  text: string;
  where: string;
}

export interface ProfileIndex {
  profile: Profile;
  now: Date;
  /** Every free-text statement: highlights, summaries, descriptions, the basics summary and label. */
  statements: Statement[];
  /** All the profile's words, for "does the profile name this at all". */
  allText: string;
  roles: { employer: string; position: string; where: string }[];
}

export function indexProfile(profile: Profile, now: Date): ProfileIndex {
  const statements: Statement[] = profileFacts(profile, now)
    .filter((fact) => fact.source !== 'skill')
    .map((fact) => ({ text: fact.text, where: fact.where }));
  for (const project of profile.projects)
    statements.push({ text: project.name, where: `${project.name} (project)` });
  if (profile.basics.summary !== undefined)
    statements.push({ text: profile.basics.summary, where: 'Summary' });
  if (profile.basics.label !== undefined)
    statements.push({ text: profile.basics.label, where: 'Headline' });
  for (const item of profile.unplaced) statements.push({ text: item, where: 'Other' });
  const roles = profile.work.map((work) => ({
    employer: work.name,
    position: work.position,
    where: workWhere(work),
  }));
  const allText = [
    ...statements.map((s) => s.text),
    ...profile.work.flatMap((w) => [w.name, w.position, w.location ?? '']),
    ...profile.education.flatMap((e) => [e.institution, e.area ?? '', e.studyType ?? '']),
    ...profile.certificates.flatMap((c) => [c.name, c.issuer ?? '']),
    ...profile.skills.flatMap((s) => [s.name, ...s.keywords]),
    ...profile.languages.map((l) => l.language),
    ...profile.basics.profiles.map((p) => p.network),
    profile.basics.location?.city ?? '',
    profile.basics.location?.region ?? '',
  ].join('\n');
  return { profile, now, statements, allText, roles };
}
