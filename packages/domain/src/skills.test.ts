import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractSkills, normalizeSkill, normalizeSkills } from './skills.js';
import { ONET_SKILLS } from './skills-onet.js';

describe('normalizeSkill', () => {
  it.each([
    ['JS', 'JavaScript'],
    ['js', 'JavaScript'],
    ['JavaScript', 'JavaScript'],
    ['ES6', 'JavaScript'],
    ['TS', 'TypeScript'],
    ['node', 'Node.js'],
    ['Node', 'Node.js'],
    ['NodeJS', 'Node.js'],
    ['node.js', 'Node.js'],
    ['Node JS', 'Node.js'],
    ['Postgres', 'PostgreSQL'],
    ['postgresql', 'PostgreSQL'],
    ['golang', 'Go'],
    ['Go', 'Go'],
    ['k8s', 'Kubernetes'],
    ['ReactJS', 'React'],
    ['react.js', 'React'],
    ['React JS', 'React'],
    ['react-native', 'React Native'],
    ['nextjs', 'Next.js'],
    ['Vue 3', 'Vue.js'],
    ['vue3', 'Vue.js'],
    ['c++', 'C++'],
    ['cpp', 'C++'],
    ['csharp', 'C#'],
    ['.NET', 'C#'],
    ['HTML5', 'HTML'],
    ['CSS3', 'CSS'],
    ['python3', 'Python'],
    ['ci/cd', 'CI/CD'],
    ['Ruby on Rails', 'Ruby on Rails'],
    ['  Machine   Learning ', 'Machine Learning'],
  ])('%s -> %s', (raw, canonical) => {
    expect(normalizeSkill(raw)).toBe(canonical);
  });

  it('tidies and keeps skills it does not know', () => {
    expect(normalizeSkill('  some   Unknown\tskill ')).toBe('some Unknown skill');
    expect(normalizeSkill('Elixir')).toBe('Elixir');
    expect(normalizeSkill('AWS S3')).toBe('AWS S3');
    expect(normalizeSkill('Web3')).toBe('Web3');
  });

  it('does not depend on surrounding whitespace', () => {
    for (const raw of ['vue2', 'Vue 3', 'ReactJS', 'k8s', 'python3']) {
      expect(normalizeSkill(`  ${raw}  `), JSON.stringify(raw)).toBe(normalizeSkill(raw));
    }
  });

  it('folds a trailing version number like it folds "python3" and "vue3"', () => {
    expect(normalizeSkill('Python 3')).toBe('Python');
    expect(normalizeSkill('React 18')).toBe('React');
    expect(normalizeSkill('Node 20')).toBe('Node.js');
  });

  it('folds a dotted Vue version like a whole one', () => {
    expect(normalizeSkill('Vue 3.4')).toBe('Vue.js');
  });

  it('returns an empty string for blank input', () => {
    expect(normalizeSkill('   ')).toBe('');
  });
});

describe('normalizeSkills', () => {
  it('removes duplicates across spellings, keeping the first position', () => {
    expect(
      normalizeSkills(['ReactJS', 'k8s', 'react.js', 'React', 'Kubernetes', 'JS', 'javascript']),
    ).toEqual(['React', 'Kubernetes', 'JavaScript']);
  });

  it('removes duplicates of unknown skills case-insensitively and drops blanks', () => {
    expect(normalizeSkills(['Elixir', 'elixir', ' ', '', 'ELIXIR '])).toEqual(['Elixir']);
  });
});

describe('extractSkills', () => {
  it('finds skills in running text', () => {
    const found = extractSkills(
      'You will build services in TypeScript on Node.js, store data in PostgreSQL and Redis, ' +
        'and deploy with Docker on Kubernetes (k8s) in AWS.',
    );
    expect([...found].sort()).toEqual(
      ['AWS', 'Docker', 'Kubernetes', 'Node.js', 'PostgreSQL', 'Redis', 'TypeScript'].sort(),
    );
  });

  it('handles C++, C# and Node.js with their punctuation', () => {
    expect([...extractSkills('Experience with Node.js and C++ and C#')].sort()).toEqual(
      ['C#', 'C++', 'Node.js'].sort(),
    );
    expect(extractSkills('We write C++ daily')).toEqual(['C++']);
    expect(extractSkills('C#/.NET shop')).toEqual(['C#']);
  });

  it('returns canonical names, each once', () => {
    expect(extractSkills('React.js, ReactJS and React')).toEqual(['React']);
    expect(extractSkills('Postgres (PostgreSQL)')).toEqual(['PostgreSQL']);
  });

  it('does not find SQL inside NoSQL or PostgreSQL, nor Java inside JavaScript', () => {
    expect(extractSkills('NoSQL stores')).toEqual([]);
    expect(extractSkills('PostgreSQL')).toEqual(['PostgreSQL']);
    expect(extractSkills('JavaScript')).toEqual(['JavaScript']);
  });

  it('finds Go only in forms that cannot be the verb', () => {
    expect(extractSkills('We write golang')).toEqual(['Go']);
    expect(extractSkills('Services written in Go.')).toEqual(['Go']);
    expect(extractSkills('Go developer wanted')).toEqual(['Go']);
    expect([...extractSkills('Work in Go, Rust and Python')].sort()).toEqual([
      'Go',
      'Python',
      'Rust',
    ]);
  });

  it.each([
    'We go ahead and we ship fast',
    'Ready to go? Let us go.',
    'A go-to-market role',
    'We ship. Go!',
    'each node of the graph',
    'Excellent communication skills and a can-do attitude',
    'We value testing, security and a swift spring release',
    'Great UI and UX, ml',
  ])('finds nothing in ordinary words: %s', (text) => {
    expect(extractSkills(text)).toEqual([]);
  });

  // Ordinary English words that are also aliases in the vocabulary.
  it.each([
    ['the verb "excel"', 'You will excel in a fast-paced team'],
    ['the verb "react"', 'On call, you react quickly to customer incidents'],
    ['"spark" as a noun/verb', 'Your ideas spark curiosity in the team'],
    ['"rails" as in guard rails', 'Help us put guard rails around risky changes'],
    ['"liquid" as an adjective', 'We keep our balance sheet liquid'],
    ['"Go/No-Go" decisions', 'You own Go/No-Go decisions for each launch'],
  ])('does not take %s for a skill', (_name, text) => {
    expect(extractSkills(text)).toEqual([]);
  });

  it('returns an empty list for empty text', () => {
    expect(extractSkills('')).toEqual([]);
  });

  it('finds Go the language next to other languages, and not the verb', () => {
    expect(extractSkills('Experience with Go and Rust')).toContain('Go');
    expect(extractSkills('Services written in Go, Python')).toContain('Go');
    expect(extractSkills('Golang microservices')).toContain('Go');
    expect(extractSkills('we go ahead and go live with it, or go home')).not.toContain('Go');
  });
});

describe('O*NET technology skills', () => {
  it.each([
    // O*NET examples fold into the hand-written canonical names.
    ['Amazon Web Services AWS software', 'AWS'],
    ['Apache Kafka', 'Kafka'],
    ['Microsoft Excel', 'Excel'],
    ['Microsoft Azure software', 'Azure'],
    ['Google Cloud software', 'GCP'],
    ['Structured query language SQL', 'SQL'],
    ['Hypertext markup language HTML', 'HTML'],
    ['PySpark', 'Spark'],
    ['MariaDB', 'MySQL'],
    ['Spring Framework', 'Spring'],
    ['Microsoft .NET Framework', 'C#'],
    ['OpenAI ChatGPT', 'LLMs'],
    // New skills, under the names people write.
    ['Atlassian JIRA', 'Jira'],
    ['jira', 'Jira'],
    ['Jenkins CI', 'Jenkins'],
    ['Apache Hadoop', 'Hadoop'],
    ['Microsoft SQL Server', 'SQL Server'],
    ['Amazon Elastic Compute Cloud EC2', 'Amazon EC2'],
    ['The MathWorks MATLAB', 'MATLAB'],
    ['Transact-SQL', 'T-SQL'],
    ['Objective C', 'Objective-C'],
    ['scikit-learn', 'scikit-learn'],
  ])('%s -> %s', (raw, canonical) => {
    expect(normalizeSkill(raw)).toBe(canonical);
  });

  it('finds O*NET tools in running text, as their makers write them', () => {
    expect(
      extractSkills(
        'You know Hadoop, Jenkins and Jira; SQL Server, Tableau and Ansible are a plus.',
      ),
    ).toEqual(
      expect.arrayContaining(['Hadoop', 'Jenkins', 'Jira', 'SQL Server', 'Tableau', 'Ansible']),
    );
    expect(extractSkills('Deploy to Amazon EC2 and S3 with Terraform')).toEqual(
      expect.arrayContaining(['Amazon EC2', 'Amazon S3', 'Terraform']),
    );
  });

  it('lists hand-written skills first, then O*NET ones', () => {
    expect(extractSkills('Jenkins pipelines for our TypeScript services')).toEqual([
      'TypeScript',
      'Jenkins',
    ]);
  });

  it('does not take ordinary words or company names for tools', () => {
    for (const text of [
      'Our chef makes lunch; we zoom in on details and cut slack.',
      'Apply via LinkedIn; ex-Facebook engineers; find us on YouTube.',
      'A puppet show, a bootstrapped startup, a hive of activity.',
      'Talk to Julia or Ada in the office.',
      'We value data and a database of customers in the cloud.',
    ])
      expect(extractSkills(text), text).toEqual([]);
  });

  it('keeps the generated table small and free of generic categories', () => {
    const names = ONET_SKILLS.map((skill) => skill.name);
    expect(names.length).toBeGreaterThan(400);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    for (const generic of ['Database', 'Backup and archival', 'Firewall', 'Encryption', 'Cloud'])
      expect(names).not.toContain(generic);
  });

  const root = join(import.meta.dirname, '../../..');
  const tsv = '/work/shared/fixtures/skills/onet_technology_skills_15-12xx_subset.tsv';
  const generated = join(import.meta.dirname, 'skills-onet.ts');

  it('credits O*NET in the generated file and in NOTICE.md', () => {
    const credit = 'includes information from O*NET (USDOL/ETA), used under CC BY 4.0';
    expect(readFileSync(generated, 'utf8')).toContain(credit);
    expect(readFileSync(join(import.meta.dirname, '../NOTICE.md'), 'utf8')).toContain(credit);
  });

  it.skipIf(!existsSync(tsv))('is what scripts/build-skills.mjs makes of the O*NET table', () => {
    const dir = mkdtempSync(join(tmpdir(), 'skills-onet-'));
    try {
      const out = join(dir, 'skills-onet.ts');
      execFileSync(process.execPath, ['packages/domain/scripts/build-skills.mjs', tsv, out], {
        cwd: root,
        stdio: 'pipe',
      });
      expect(readFileSync(out, 'utf8')).toBe(readFileSync(generated, 'utf8'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
