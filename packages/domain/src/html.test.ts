import { describe, expect, it } from 'vitest';
import {
  decodeEntities,
  escapeHtml,
  htmlToText,
  looksLikeHtml,
  sanitizeHtml,
  sanitizeHtmlFully,
  textToHtml,
} from './html.js';
import { createRng } from './dedupe/test-support/corpus.js';
import { prepareJob } from './prepare-job.js';
import { jobDraft } from './test-support/builders.js';

/** Things that must never survive sanitizing, whatever the payload. */
const FORBIDDEN = ['<script', 'onerror', 'onload', 'javascript:', '<iframe', '<svg', 'style='];

describe('sanitizeHtml', () => {
  // OWASP XSS filter evasion cheat sheet style payloads.
  const payloads: [string, string][] = [
    ['script tag', '<script>alert(1)</script><p>ok</p>'],
    ['img onerror', '<img src=x onerror=alert(1)>'],
    ['svg onload', '<svg onload=alert(1)>'],
    ['svg/onload without space', '<svg/onload=alert(1)>'],
    ['mixed-case javascript: href', '<a href="JaVaScRiPt:alert(1)">x</a>'],
    ['decimal-entity javascript: href', '<a href="&#106;avascript:alert(1)">x</a>'],
    ['hex-entity javascript: href', '<a href="&#x6A;avascript:alert(1)">x</a>'],
    ['tab inside javascript: href', '<a href="jav&#x09;ascript:alert(1)">x</a>'],
    ['leading space javascript: href', '<a href=" javascript:alert(1)">x</a>'],
    ['newline inside javascript: href', '<a href="java\nscript:alert(1)">x</a>'],
    ['iframe', '<iframe src="https://evil.example"></iframe>'],
    ['mXSS math/mglyph/style', '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>'],
    ['form action', '<form action=javascript:alert(1)><input type=submit></form>'],
    ['body onload', '<body onload=alert(1)>'],
    ['style url(javascript:)', '<div style="background:url(javascript:alert(1))">x</div>'],
    ['IMG SRC javascript:', '<IMG SRC="javascript:alert(\'XSS\');">'],
    ['object data', '<object data="javascript:alert(1)"></object>'],
    ['embed src', '<embed src="javascript:alert(1)">'],
    ['details ontoggle', '<details open ontoggle=alert(1)>'],
    ['noscript title breakout', '<noscript><p title="</noscript><img src=x onerror=alert(1)>">'],
    ['nested broken script', '<scr<script>ipt>alert(1)</scr</script>ipt>'],
    ['double open bracket', '<<script>alert(1);//<</script>'],
    ['style tag', '<style>@import "javascript:alert(1)";</style><p>x</p>'],
    ['script inside textarea', '<textarea><script>alert(1)</script></textarea>'],
    ['onclick on allowed tag', '<p onclick="alert(1)">hi</p>'],
    ['onmouseover on link', '<a href="https://ok.example" onmouseover="alert(1)">x</a>'],
  ];

  it.each(payloads)('neutralizes %s', (_name, payload) => {
    const out = sanitizeHtml(payload).toLowerCase();
    for (const bad of FORBIDDEN) expect(out).not.toContain(bad);
    expect(out).not.toMatch(/\son[a-z]+\s*=/);
  });

  it('gives what sanitize-html gives on any mix of tags, text and entities', () => {
    // Simple markup takes a fast path; everything else goes through sanitize-html. Random
    // documents mixing both kinds of pieces must come out the same either way.
    const pieces = [
      '<p>',
      '</p>',
      '<ul>',
      '</ul>',
      '<ol>',
      '</ol>',
      '<li>',
      '</li>',
      '<br>',
      '<br/>',
      '<br />',
      '<hr>',
      '</br>',
      '<strong>',
      '</strong>',
      '<em>',
      '</em>',
      '<h2>',
      '</h2>',
      '<h3>',
      '</h3>',
      '<div>',
      '</div>',
      '<span>',
      '</span>',
      '<table>',
      '</table>',
      '<tbody>',
      '<thead>',
      '<tr>',
      '</tr>',
      '<td>',
      '</td>',
      '<th>',
      '<dl>',
      '<dt>',
      '<dd>',
      '<blockquote>',
      '<pre>',
      '<code>',
      '</code>',
      '<a>',
      '</a>',
      '<p/>',
      '<P>',
      '</P>',
      '<p class="x">',
      '<p >',
      '<b1>',
      '<script>',
      '</script>',
      '<style>',
      '<iframe>',
      '<!-- note -->',
      '<![CDATA[x]]>',
      '<?php ?>',
      '<!doctype html>',
      'Senior',
      ' ',
      ' role ',
      '\n',
      '\t',
      '&amp;',
      '&lt;',
      '&gt;',
      '&nbsp;',
      '&quot;',
      '&#39;',
      '&amp',
      '&',
      '<',
      '>',
      '< p>',
      '"',
      "'",
      'é',
      '•',
      '\u00a0',
      'a=b',
      '/',
      '\u0000',
    ];
    const rng = createRng(2024);
    for (let run = 0; run < 4000; run++) {
      const parts = Array.from({ length: rng.int(1, 14) }, () => rng.pick(pieces));
      const html = parts.join('');
      expect(sanitizeHtml(html), JSON.stringify(html)).toBe(sanitizeHtmlFully(html));
    }
  });

  it('gives what sanitize-html gives on properly nested random markup', () => {
    // Mostly simple markup, so the fast path is the one under test here.
    const tags = ['p', 'ul', 'ol', 'li', 'strong', 'em', 'h2', 'div', 'span', 'table', 'tr'];
    const texts = [
      'Senior',
      ' ',
      '\n',
      '&amp;',
      '&lt;',
      '&gt;',
      '"',
      'é',
      '\u00a0',
      '<br>',
      '<hr/>',
    ];
    const rng = createRng(7);
    for (let run = 0; run < 3000; run++) {
      const open: string[] = [];
      let html = '';
      for (let step = rng.int(1, 20); step > 0; step--) {
        const roll = rng.next();
        if (roll < 0.4) {
          const tag = rng.pick(tags);
          open.push(tag);
          html += `<${tag}>`;
        } else if (roll < 0.7 && open.length > 0) html += `</${open.pop()}>`;
        else html += rng.pick(texts);
      }
      if (rng.chance(0.8)) while (open.length > 0) html += `</${open.pop()}>`;
      expect(sanitizeHtml(html), JSON.stringify(html)).toBe(sanitizeHtmlFully(html));
    }
  });

  it('agrees with sanitize-html on the markup sources send', () => {
    const documents = [
      '<p>We build <strong>billing</strong> &amp; payments.</p>\n<ul><li>Go</li><li>SQL</li></ul>',
      '<h2>About</h2><p>Line one<br>line two<br/>line three<br />end</p><hr>',
      '<table><tbody><tr><td>a</td><td>b</td></tr></tbody></table>',
      '<dl><dt>Pay</dt><dd>€80k &lt; x &gt; €60k</dd></dl>',
      '<p>Unclosed paragraph',
      '<p>A list inside a paragraph<ul><li>x</li></ul></p>',
      '<ul><li>one<li>two</ul>',
      '<div><p>nested</p></div><blockquote><p>quote</p></blockquote><pre><code>x</code></pre>',
    ];
    for (const html of documents) expect(sanitizeHtml(html)).toBe(sanitizeHtmlFully(html));
  });

  it('closes tags left open and drops stray closing tags', () => {
    expect(sanitizeHtml('<p>open <strong>bold')).toBe('<p>open <strong>bold</strong></p>');
    expect(sanitizeHtml('<ul><li>a<li>b</ul>')).toBe('<ul><li>a</li><li>b</li></ul>');
    expect(sanitizeHtml('text</em> more')).toBe('text more');
  });

  it('drops comments, CDATA and processing instructions', () => {
    expect(sanitizeHtml('<p>a<!-- <script>alert(1)</script> -->b</p>')).toBe('<p>ab</p>');
    expect(sanitizeHtml('<p>a<![CDATA[<script>alert(1)</script>]]>b</p>')).not.toContain('<script');
    expect(sanitizeHtml('<?xml version="1.0"?><p>x</p>')).toBe('<p>x</p>');
  });

  it('removes data: and javascript: links and on* attributes from otherwise simple markup', () => {
    const out = sanitizeHtml(
      '<p onclick="x()">a <a href="data:text/html,<script>alert(1)</script>">b</a> <a href="javascript:alert(1)">c</a></p>',
    );
    expect(out).toBe(
      '<p>a <a rel="noopener noreferrer nofollow" target="_blank">b</a> <a rel="noopener noreferrer nofollow" target="_blank">c</a></p>',
    );
  });

  it('decodes entities in text once and escapes what must stay text', () => {
    expect(sanitizeHtml('<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp;amp; &eacute;</p>')).toBe(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp;amp; é</p>',
    );
    expect(sanitizeHtml('<p>5 > 3 & 2 < 4</p>')).toBe('<p>5 &gt; 3 &amp; 2 &lt; 4</p>');
  });

  it('drops <script> together with its content', () => {
    expect(sanitizeHtml('<p>before</p><script>steal()</script><p>after</p>')).toBe(
      '<p>before</p><p>after</p>',
    );
  });

  it('drops <style> and <iframe> entirely', () => {
    expect(sanitizeHtml('<style>p{color:red}</style><p>x</p>')).toBe('<p>x</p>');
    const framed = sanitizeHtml('<p>a</p><iframe src="https://evil.example"><img src=x></iframe>');
    expect(framed).toBe('<p>a</p>');
    expect(sanitizeHtml('<iframe srcdoc="<script>alert(1)</script>"></iframe>')).toBe('');
  });

  it('removes event handlers but keeps the element and its text', () => {
    expect(sanitizeHtml('<p onclick="alert(1)">hi</p>')).toBe('<p>hi</p>');
    expect(sanitizeHtml('<img src=x onerror=alert(1)>')).toBe('');
  });

  it('removes javascript:, vbscript: and data: hrefs but keeps the link text', () => {
    expect(sanitizeHtml('<a href="javascript:alert(1)">x</a>')).not.toContain('href');
    expect(sanitizeHtml('<a href="vbscript:msgbox(1)">x</a>')).not.toContain('href');
    const data = sanitizeHtml('<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>');
    expect(data).not.toContain('data:');
    expect(data).toContain('>x</a>');
  });

  it('refuses protocol-relative links', () => {
    expect(sanitizeHtml('<a href="//evil.example/x">x</a>')).not.toContain('evil.example');
  });

  it('removes style, class and id attributes', () => {
    expect(sanitizeHtml('<span style="color:red" class="c" id="i">r</span>')).toBe(
      '<span>r</span>',
    );
  });

  it('keeps structural and emphasis tags', () => {
    const html =
      '<h2>Role</h2><p>Hi <strong>there</strong> <em>you</em></p><ul><li>one</li></ul>' +
      '<ol><li>two</li></ol><table><tr><td>c</td></tr></table>';
    expect(sanitizeHtml(html)).toBe(html);
  });

  it('keeps http(s) and mailto hrefs', () => {
    expect(sanitizeHtml('<a href="https://ok.example/x">ok</a>')).toContain(
      'href="https://ok.example/x"',
    );
    expect(sanitizeHtml('<a href="mailto:jobs@acme.example">m</a>')).toContain(
      'href="mailto:jobs@acme.example"',
    );
  });

  it('makes links open in a new tab without referrer or opener', () => {
    const out = sanitizeHtml('<a href="https://ok.example/x">ok</a>');
    expect(out).toContain('href="https://ok.example/x"');
    expect(out).toMatch(/\srel="[^"]*\bnoopener\b[^"]*"/);
    expect(out).toMatch(/\srel="[^"]*\bnoreferrer\b[^"]*"/);
    expect(out).toContain('target="_blank"');
  });

  it('overrides a target or rel the source set', () => {
    const out = sanitizeHtml('<a href="https://x.example" target="_self" rel="opener">x</a>');
    expect(out).not.toContain('_self');
    expect(out).not.toContain('"opener"');
    expect(out).toContain('target="_blank"');
  });

  it('keeps text entities escaped', () => {
    expect(sanitizeHtml('<p>1 &lt; 2 &amp; 3</p>')).toBe('<p>1 &lt; 2 &amp; 3</p>');
  });

  it('trims surrounding whitespace', () => {
    expect(sanitizeHtml('  \n<p>x</p>\n ')).toBe('<p>x</p>');
  });
});

describe('decodeEntities', () => {
  it.each([
    ['&amp;', '&'],
    ['&lt;b&gt;', '<b>'],
    ['&quot;hi&quot; &apos;x&apos;', '"hi" \'x\''],
    ['&nbsp;', ' '],
    ['&euro;5 &mdash; &hellip;', '€5 — …'],
    ['&rsquo;', '’'],
    ['&bull; &middot; &copy;', '• · ©'],
    ['&#60;', '<'],
    ['&#65;&#66;', 'AB'],
    ['&#x3C;', '<'],
    ['&#X3c;', '<'],
    ['&#x41;', 'A'],
    ['&#128512;', '😀'],
    ['&#x1F600;', '😀'],
  ])('decodes %s', (input, expected) => {
    expect(decodeEntities(input)).toBe(expected);
  });

  it('decodes common accented named entities (French, German, Spanish postings)', () => {
    expect(decodeEntities('D&eacute;veloppeur')).toBe('Développeur');
    expect(decodeEntities('M&uuml;nchen')).toBe('München');
    expect(decodeEntities('Espa&ntilde;a')).toBe('España');
  });

  it('decodes only once', () => {
    expect(decodeEntities('&amp;lt;')).toBe('&lt;');
    expect(decodeEntities('&amp;amp;')).toBe('&amp;');
    expect(decodeEntities('&amp;lt;p&amp;gt;')).toBe('&lt;p&gt;');
  });

  it('leaves unknown entities alone and follows the HTML standard for the rest', () => {
    expect(decodeEntities('&unknown;')).toBe('&unknown;');
    // Legacy entities decode without the semicolon; null and out-of-range become U+FFFD.
    expect(decodeEntities('a &amp b')).toBe('a & b');
    expect(decodeEntities('&#0;')).toBe('\uFFFD');
    expect(decodeEntities('&#x110000;')).toBe('\uFFFD');
  });

  it('leaves plain text untouched', () => {
    expect(decodeEntities('Tom & Jerry; 5 < 6')).toBe('Tom & Jerry; 5 < 6');
  });
});

describe('htmlToText', () => {
  it('turns paragraphs and headings into separate lines', () => {
    const lines = htmlToText('<h2>About</h2><p>One</p><p>Two</p>')
      .split('\n')
      .filter((l) => l !== '');
    expect(lines).toEqual(['About', 'One', 'Two']);
  });

  it('turns <br> in all spellings into line breaks', () => {
    expect(htmlToText('a<br>b<br/>c<br />d')).toBe('a\nb\nc\nd');
  });

  it('puts each list item on its own line with a bullet', () => {
    expect(htmlToText('<ol><li>x</li></ol>')).toBe('• x');
    const lines = htmlToText('<ul><li>A</li><li>B</li></ul>').split('\n');
    expect(lines.filter((l) => l !== '')).toEqual(['• A', '• B']);
  });

  it('keeps consecutive list items on consecutive lines (no blank line between bullets)', () => {
    expect(htmlToText('<ul><li>A</li><li>B</li><li>C</li></ul>')).toBe('• A\n• B\n• C');
  });

  it('gives the same text for minified and pretty-printed markup', () => {
    expect(htmlToText('<p>One</p>\n<p>Two</p>')).toBe(htmlToText('<p>One</p><p>Two</p>'));
    expect(htmlToText('<ul>\n  <li>A</li>\n  <li>B</li>\n</ul>')).toBe(
      htmlToText('<ul><li>A</li><li>B</li></ul>'),
    );
  });

  it('never leaves more than one blank line in a row', () => {
    const text = htmlToText('<p>x</p><p></p><p></p><br><br><br><p>y</p>\n\n\n\n<div>z</div>');
    expect(text).not.toMatch(/\n\s*\n\s*\n/);
    expect(text.split('\n').filter((l) => l !== '')).toEqual(['x', 'y', 'z']);
  });

  it('keeps table cells apart so their words do not merge', () => {
    const text = htmlToText('<table><tr><th>Stack</th><td>Python</td><td>Django</td></tr></table>');
    expect(text).toMatch(/Stack\s+Python\s+Django/);
  });

  it('starts a new line where a block opens, not only where it closes', () => {
    const nested = htmlToText('<div>Requirements<div>5 years of Go</div></div>');
    expect(nested.split('\n').filter((l) => l !== '')).toEqual(['Requirements', '5 years of Go']);
    // </p> may be omitted in HTML.
    expect(
      htmlToText('<p>First<p>Second')
        .split('\n')
        .filter((l) => l !== ''),
    ).toEqual(['First', 'Second']);
  });

  it('collapses runs of spaces, tabs and non-breaking spaces', () => {
    expect(htmlToText('<p>a    b\t\tc</p>')).toBe('a b c');
    expect(htmlToText('<p>we&nbsp;&amp;&nbsp;&nbsp;you</p>')).toBe('we & you');
  });

  it('trims lines and the whole text', () => {
    expect(htmlToText('  <p>  lead  </p>  ')).toBe('lead');
    expect(htmlToText('<p>\n\n a \n\n</p>')).toBe('a');
  });

  it('decodes entities exactly once', () => {
    expect(htmlToText('<p>1 &lt; 2 &amp; &quot;3&quot;</p>')).toBe('1 < 2 & "3"');
    expect(htmlToText('<p>&amp;lt;b&amp;gt;</p>')).toBe('&lt;b&gt;');
  });

  it('drops script and style content', () => {
    expect(htmlToText('<script>alert(1)</script><style>.a{}</style><p>text</p>')).toBe('text');
  });

  it('leaves no tags behind', () => {
    const text = htmlToText(
      '<div class="x"><h1>Title</h1><p>Some <b>bold</b>, <i>it</i> and <a href="https://x.example">a link</a>.</p>' +
        '<ul><li><strong>Ruby</strong></li></ul><img src="x.png"><span>end</span></div>',
    );
    expect(text).not.toMatch(/<\/?[a-z]/i);
    expect(text).toContain('Some bold, it and a link.');
    expect(text).toContain('• Ruby');
  });

  it('returns an empty string for empty or tag-only input', () => {
    expect(htmlToText('')).toBe('');
    expect(htmlToText('<p></p><br><ul></ul>')).toBe('');
  });
});

describe('looksLikeHtml / escapeHtml / textToHtml', () => {
  it('tells markup from plain text', () => {
    expect(looksLikeHtml('<p>x</p>')).toBe(true);
    expect(looksLikeHtml('a<br>b')).toBe(true);
    expect(looksLikeHtml('a<br />b')).toBe(true);
    expect(looksLikeHtml('<div class="a">')).toBe(true);
    expect(looksLikeHtml('1 < 2 and 3 > 2')).toBe(false);
    expect(looksLikeHtml('&lt;p&gt;x&lt;/p&gt;')).toBe(false);
    expect(looksLikeHtml('plain text')).toBe(false);
  });

  it('recognizes self-closing tags written without a space (<br/>, <hr/>)', () => {
    expect(looksLikeHtml('a<br/>b')).toBe(true);
    expect(looksLikeHtml('a<hr/>b')).toBe(true);
  });

  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x">Tom & 'Jerry'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;',
    );
  });

  it('turns blank-line separated text into paragraphs and single newlines into <br>', () => {
    expect(textToHtml('First para\nline two\n\nSecond')).toBe(
      '<p>First para<br>line two</p>\n<p>Second</p>',
    );
  });

  it('makes no empty paragraphs from leading or trailing blank lines', () => {
    expect(textToHtml('\n\nLeading')).toBe('<p>Leading</p>');
    expect(textToHtml('Trailing\n\n\n')).toBe('<p>Trailing</p>');
  });

  it('treats Windows line endings like \\n', () => {
    expect(textToHtml('a\r\n\r\nb\r\nc')).toBe(textToHtml('a\n\nb\nc'));
  });

  it('escapes markup in the text', () => {
    expect(textToHtml('use <b>bold</b>')).toBe('<p>use &lt;b&gt;bold&lt;/b&gt;</p>');
  });
});

describe('entity-escaped HTML from a source (Greenhouse content)', () => {
  const escaped =
    '&lt;p&gt;We build &amp;amp; ship&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Ruby&lt;/li&gt;&lt;/ul&gt;';

  it('becomes proper sanitized HTML and text through prepareJob', () => {
    const job = prepareJob(jobDraft({ descriptionHtml: escaped, descriptionText: '' }));
    expect(job.descriptionHtml).toBe('<p>We build &amp; ship</p><ul><li>Ruby</li></ul>');
    expect(job.descriptionText).toContain('We build & ship');
    expect(job.descriptionText).toContain('• Ruby');
    expect(job.descriptionText).not.toMatch(/&(amp|lt|gt);|<\/?[a-z]/);
  });

  it('is still sanitized after decoding', () => {
    const evil =
      '&lt;p&gt;Hi&lt;/p&gt;&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;alert(2)&lt;/script&gt;';
    const job = prepareJob(jobDraft({ descriptionHtml: evil, descriptionText: '' }));
    expect(job.descriptionHtml).toBe('<p>Hi</p>');
    expect(job.descriptionText).toBe('Hi');
  });

  it('decodes escaped markup made only of self-closing <br/> tags', () => {
    const job = prepareJob(
      jobDraft({ descriptionHtml: 'Line one&lt;br/&gt;Line two', descriptionText: '' }),
    );
    expect(job.descriptionText).toBe('Line one\nLine two');
    expect(job.descriptionHtml).not.toContain('&lt;br');
  });

  it('leaves escaped text that is not markup escaped', () => {
    const job = prepareJob(
      jobDraft({ descriptionHtml: 'Tom &amp; Jerry &lt;3 Python', descriptionText: '' }),
    );
    expect(job.descriptionHtml).toBe('Tom &amp; Jerry &lt;3 Python');
    expect(job.descriptionText).toBe('Tom & Jerry <3 Python');
  });
});
