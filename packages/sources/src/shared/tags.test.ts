import { describe, expect, it } from 'vitest';
import { skillsFromTags } from './tags.js';

describe('skillsFromTags', () => {
  it('keeps the tags that name a known skill, in its spelling, each once', () => {
    const skills = skillsFromTags(['node', 'React', ' typescript ', 'remote', 'senior', 'react']);
    expect(skills).toEqual(expect.arrayContaining(['Node.js', 'React', 'TypeScript']));
    expect(skills).not.toContain('remote');
    expect(skills).not.toContain('senior');
    expect(new Set(skills).size).toBe(skills.length);
    expect(skillsFromTags([])).toEqual([]);
  });
});
