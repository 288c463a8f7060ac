import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { htmlToText, sanitizeHtml } from '../html.js';
import { sanitizedHtmlToText, sanitizedHtmlToTextInPasses } from './text.js';

/** The reference: htmlToText runs sanitize-html a second time to drop the tags. */
const reference = (html: string): string => htmlToText(sanitizeHtml(html));
const fast = (html: string): string => sanitizedHtmlToText(sanitizeHtml(html));

describe('sanitizedHtmlToText', () => {
  it.each([
    '<h2>About</h2><p>One</p><p>Two</p>',
    'a<br>b<br/>c<br />d',
    '<ul>\n  <li>A</li>\n  <li>B</li>\n</ul>',
    '<ol><li>x</li></ol>',
    '<p>x</p><p></p><p></p><br><br><br><p>y</p>\n\n\n\n<div>z</div>',
    '<table><tr><th>Stack</th><td>Python</td><td>Django</td></tr></table>',
    '<div>Requirements<div>5 years of Go</div></div>',
    '<p>First<p>Second',
    '<p>a    b\t\tc</p>',
    '<p>we&nbsp;&amp;&nbsp;&nbsp;you</p>',
    '  <p>  lead  </p>  ',
    '<p>1 &lt; 2 &amp; &quot;3&quot;</p>',
    '<p>&amp;lt;b&amp;gt;</p>',
    '<script>alert(1)</script><style>.a{}</style><p>text</p>',
    '<div class="x"><h1>Title</h1><p>Some <b>bold</b>, <i>it</i> and <a href="https://x.example">a link</a>.</p><ul><li><strong>Ruby</strong></li></ul><img src="x.png"><span>end</span></div>',
    '<a href="https://x.example/?a=1&b=<2>" title="a > b">link</a> after',
    '<dl><dt>Term</dt><dd>Definition</dd></dl><hr><pre>code  here</pre><blockquote>q</blockquote>',
    '<p>Tom &amp; Jerry &lt;3 Python</p>',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    'plain text without tags',
    '',
  ])('gives what htmlToText gives for %j', (html) => {
    expect(fast(html)).toBe(reference(html));
  });

  it('gives what htmlToText gives for any mix of tags, text and entities', () => {
    const fragment = fc.oneof(
      fc.constantFrom(
        '<p>',
        '</p>',
        '<div class="a">',
        '</div>',
        '<ul>',
        '<li>',
        '</li>',
        '</ul>',
        '<br>',
        '<br/>',
        '<hr />',
        '<h3>',
        '</h3>',
        '<table><tr><td>',
        '</td><th>',
        '</th></tr></table>',
        '<a href="https://x.example/a?b=c&d=e">',
        '</a>',
        '<b>',
        '</b>',
        '<script>x()</script>',
        '<img src=x onerror=y>',
        '<!-- note -->',
        '&amp;',
        '&lt;',
        '&gt;',
        '&nbsp;',
        '&quot;',
        '&#39;',
        '&eacute;',
        '&amp;lt;',
        ' ',
        '\n',
        '\t',
        '  ',
        '<',
        '>',
        '&',
        '<p_x>',
        '<br class="c">',
      ),
      fc.string({ maxLength: 6 }),
    );
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 30 }), (parts) => {
        const html = parts.join('');
        expect(fast(html)).toBe(reference(html));
      }),
      { numRuns: 3000 },
    );
  });

  it('walks any text in one pass to what the step-by-step version gives', () => {
    // Raw strings, not only sanitizeHtml output: the walk must agree on whatever it gets.
    const fragment = fc.oneof(
      fc.constantFrom(
        '<p>',
        '</p>',
        '<li>',
        '</li>',
        '<ul>',
        '<br>',
        '<br />',
        '<br x>',
        '<hr/>',
        '<tr>',
        '<td>',
        '<b>',
        '</b>',
        '<a href="x">',
        '<a title="two  spaces &amp; more">',
        '<P>',
        '<',
        '>',
        '&',
        '&amp;',
        '&lt;',
        '&gt;',
        '&quot;',
        '&#39;',
        '&nbsp;',
        '&amp',
        ' ',
        '  ',
        '\n',
        '\t',
        '\r\n',
        '\u00a0',
        '\u2003',
        '\u3000',
        '\ufeff',
        '•',
        'word',
        'Zürich',
      ),
      fc.string({ maxLength: 5 }),
    );
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(sanitizedHtmlToText(text)).toBe(sanitizedHtmlToTextInPasses(text));
      }),
      { numRuns: 5000 },
    );
  });
});
