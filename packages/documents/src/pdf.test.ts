import type { StructuredTextItem } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { pageText } from './pdf.js';

const item = (
  str: string,
  x: number,
  y: number,
  width: number,
  hasEOL = false,
): StructuredTextItem => ({
  str,
  x,
  y,
  width,
  height: 10,
  fontSize: 10,
  fontFamily: 'Helvetica',
  dir: 'ltr',
  hasEOL,
});

describe('pageText (PDF text items to lines)', () => {
  it('joins a right-aligned date with " | ", a bullet glyph with a space, and indents a wrapped line', () => {
    const items = [
      item('Acme Corp', 56, 700, 50),
      item('Mar 2019 – Present', 450, 700, 90, true),
      item('•', 56, 686, 4),
      item('Led the migration of the ledger', 68, 686, 150, true),
      item('service to Kubernetes', 68, 672, 100, true),
      item('Education', 56, 640, 45, true),
    ];
    expect(pageText(items)).toBe(
      [
        'Acme Corp | Mar 2019 – Present',
        '• Led the migration of the ledger',
        '  service to Kubernetes',
        '',
        'Education',
      ].join('\n'),
    );
  });
});
