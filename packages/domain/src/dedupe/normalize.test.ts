import { describe, expect, it } from 'vitest';
import { compareTitles, normalizeCompany, normalizeTitle, titleSimilarity } from './normalize.js';

describe('normalizeCompany', () => {
  it.each([
    ['Acme', 'acme'],
    ['ACME, Inc.', 'acme'],
    ['Acme Inc', 'acme'],
    ['Acme LLC', 'acme'],
    ['Acme Ltd.', 'acme'],
    ['Acme GmbH', 'acme'],
    ['Acme GmbH & Co. KG', 'acme'],
    ['Acme B.V.', 'acme'],
    ['Acme BV', 'acme'],
    ['Acme S.A.S.', 'acme'],
    ['Acme Co.', 'acme'],
    ['The Acme Company, Inc.', 'acme'],
    ['Maple & Moss Candle Co.', 'maple and moss candle'],
    ['Maple and Moss Candle', 'maple and moss candle'],
    ['Zürich Café AG', 'zurich cafe'],
    ['  Driftless   Data Co. ', 'driftless data'],
  ])('%s → %s', (name, key) => {
    expect(normalizeCompany(name)).toBe(key);
  });

  it('keeps a name that is only a legal form or an article', () => {
    expect(normalizeCompany('Company')).toBe('company');
    expect(normalizeCompany('The')).toBe('the');
    expect(normalizeCompany('Inc.')).toBe('inc');
  });

  it('keeps different companies apart', () => {
    expect(normalizeCompany('Acme Labs')).not.toBe(normalizeCompany('Acme'));
    expect(normalizeCompany('Acme Health')).not.toBe(normalizeCompany('Acme Pay'));
  });
});

describe('normalizeTitle', () => {
  it.each([
    ['Senior Backend Engineer (Remote)', 'senior backend engineer'],
    ['Sr. Backend Engineer', 'senior backend engineer'],
    ['SR BACKEND ENGINEER', 'senior backend engineer'],
    ['Snr Backend Engineer', 'senior backend engineer'],
    ['Jr. Data Analyst', 'junior data analyst'],
    ['Softwareentwickler (m/w/d)', 'softwareentwickler'],
    ['Backend Engineer (f/m/x)', 'backend engineer'],
    ['Backend Engineer (w/m/d) - Berlin', 'backend engineer'],
    ['Backend Engineer (all genders)', 'backend engineer'],
    ['Senior Backend Engineer - Berlin, Germany', 'senior backend engineer'],
    ['Senior Backend Engineer | Remote (EU)', 'senior backend engineer'],
    ['Senior Backend Engineer – Amsterdam', 'senior backend engineer'],
    ['Product Designer [Hybrid]', 'product designer'],
    ['Backend Engineer (Remote - US)', 'backend engineer'],
    [
      'URGENT: iOS developer (Swift) to add in-app purchases',
      'ios developer swift to add in app purchases',
    ],
    ['Backend Engineer (Java/Kotlin)', 'backend engineer java kotlin'],
    ['Software Engineer, Backend', 'software engineer backend'],
    ['Full-Stack Developer', 'fullstack developer'],
    ['Full Stack Developer', 'fullstack developer'],
    ['Machine Learning Engineer', 'ml engineer'],
    ['C++ Developer', 'cpp developer'],
    ['C# / .NET Developer', 'csharp dotnet developer'],
    ['Research & Development Lead', 'research and development lead'],
  ])('%s → %s', (title, normal) => {
    expect(normalizeTitle(title)).toBe(normal);
  });

  it('keeps a title that is all suffix', () => {
    expect(normalizeTitle('- Remote')).toBe('remote');
  });
});

describe('compareTitles', () => {
  it('finds decorated and abbreviated forms of one title equal', () => {
    expect(
      titleSimilarity(
        normalizeTitle('Senior Backend Engineer (Remote)'),
        normalizeTitle('Sr. Backend Engineer'),
      ),
    ).toBe(1);
  });

  it('says when one title holds the other', () => {
    expect(compareTitles('senior backend engineer payments', 'senior backend engineer')).toEqual({
      jaccard: 0.75,
      nested: true,
    });
    expect(compareTitles('frontend engineer', 'backend engineer')).toEqual({
      jaccard: 1 / 3,
      nested: false,
    });
    expect(compareTitles('', '')).toEqual({ jaccard: 1, nested: true });
  });
});
