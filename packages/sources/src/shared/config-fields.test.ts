import { describe, expect, it } from 'vitest';
import { boardOption, companyOption, maxPagesOption } from './config-fields.js';

describe('config fields', () => {
  it('boardOption reads a pasted address, then checks the identifier', () => {
    const board = boardOption(
      (v) => /^https:\/\/boards\.example\/([^/]+)/.exec(v)?.[1] ?? v,
      /^[a-z]+$/,
      'letters only',
      'the board',
    );
    expect(board.parse('  acme ')).toBe('acme');
    expect(board.parse('https://boards.example/acme/jobs')).toBe('acme');
    expect(board.safeParse('two words').success).toBe(false);
    expect(board.safeParse('').success).toBe(false);
    expect(board.description).toBe('the board');
  });

  it('companyOption is optional, trimmed, and says what it replaces', () => {
    const company = companyOption('the site name');
    expect(company.parse(' ACME ')).toBe('ACME');
    expect(company.parse(undefined)).toBeUndefined();
    expect(company.safeParse(' ').success).toBe(false);
    expect(company.description).toBe('company name shown on postings (default: the site name)');
  });

  it('maxPagesOption is a whole number from 1 to max, 5 unless told', () => {
    expect(maxPagesOption(50, 'pages').parse(undefined)).toBe(5);
    expect(maxPagesOption(20, 'pages', 3).parse(undefined)).toBe(3);
    expect(maxPagesOption(20, 'pages').safeParse(21).success).toBe(false);
    expect(maxPagesOption(20, 'pages').safeParse(0).success).toBe(false);
    expect(maxPagesOption(20, 'pages').safeParse(1.5).success).toBe(false);
  });
});
