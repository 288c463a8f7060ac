import { extractSkills, normalizeSkill } from '@applydesk/domain';

/**
 * Boards tag postings with free words ("node", "react", "remote", "senior"); only the tags
 * that name a skill ApplyDesk knows become skills, in its spelling ("node" -> "Node.js"),
 * so the matcher compares like with like.
 */
export function skillsFromTags(tags: readonly string[]): string[] {
  const skills = tags.flatMap((tag) => {
    const tidy = tag.trim().replace(/\s+/g, ' ');
    const key = tidy.toLowerCase();
    const skill = normalizeSkill(key);
    return skill !== key ? [skill] : extractSkills(tidy);
  });
  return [...new Set(skills)];
}
