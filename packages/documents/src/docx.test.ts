import { describe, expect, it } from 'vitest';
import { htmlToMarkdown } from './docx.js';

describe('htmlToMarkdown (mammoth output to the text the parser reads)', () => {
  it('keeps heading levels, list nesting and numbering, bold, links and entities', () => {
    const html =
      '<h1>Jane Doe</h1><p><a href="mailto:jane@example.com">jane@example.com</a> | <a href="https://github.com/jane">GitHub</a></p>' +
      '<h2>Experience</h2><p><strong>Acme &amp; Sons Ltd</strong> — Engineer</p>' +
      '<ul><li>Built things<ul><li>small ones</li></ul></li><li>Ran things</li></ul>' +
      '<ol><li>First</li><li>Second</li></ol><p><img src="" /></p>';
    expect(htmlToMarkdown(html).split('\n')).toEqual([
      '# Jane Doe',
      'jane@example.com | GitHub (https://github.com/jane)',
      '## Experience',
      '**Acme & Sons Ltd** — Engineer',
      '- Built things',
      '  - small ones',
      '- Ran things',
      '1. First',
      '2. Second',
    ]);
  });

  it('reads a table row as one line, and cells of paragraphs as lines of their own', () => {
    const html =
      '<table><tr><td>Mar 2019 – Present</td><td>Senior Engineer, Acme Corp</td></tr>' +
      '<tr><td><p>Skills</p><p>Go, Rust</p></td><td></td></tr></table>';
    expect(htmlToMarkdown(html).split('\n')).toEqual([
      'Mar 2019 – Present | Senior Engineer, Acme Corp',
      'Skills',
      'Go, Rust',
    ]);
  });
});
