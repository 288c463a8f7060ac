import { createElement, useMemo, type ReactNode } from 'react';

/**
 * Shows a posting's description, which strangers wrote, as React elements built from an
 * allowlist: nothing from it is ever handed to innerHTML. DOMParser documents have scripting
 * off and load nothing, so parsing runs no payload; the walk below keeps only these tags and
 * no attributes but an http(s) link's href.
 */
const KEEP = new Set([
  'p',
  'ul',
  'ol',
  'li',
  'strong',
  'em',
  'b',
  'i',
  'br',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'a',
]);
/** Dropped with everything inside them: their text is code or chrome, not the posting. */
const DROP = new Set([
  'script',
  'style',
  'template',
  'noscript',
  'iframe',
  'object',
  'embed',
  'svg',
  'math',
  'head',
  'title',
  'textarea',
  'select',
]);
const MAX_DEPTH = 32;

export function safeHref(href: string | null): string | null {
  if (href === null) return null;
  try {
    const url = new URL(href.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function walk(node: Node, key: string, depth: number): ReactNode {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent;
  if (node.nodeType !== Node.ELEMENT_NODE || depth > MAX_DEPTH) return null;
  const element = node as Element;
  const tag = element.tagName.toLowerCase();
  if (DROP.has(tag)) return null;
  const children = Array.from(element.childNodes, (child, i) =>
    walk(child, `${key}.${i}`, depth + 1),
  );
  if (!KEEP.has(tag)) return children.length === 0 ? null : <span key={key}>{children}</span>;
  if (tag === 'br') return <br key={key} />;
  if (tag === 'a') {
    const href = safeHref(element.getAttribute('href'));
    if (href === null) return <span key={key}>{children}</span>;
    return (
      <a key={key} href={href} rel="noopener noreferrer" target="_blank">
        {children}
      </a>
    );
  }
  return createElement(tag, { key }, ...children);
}

export function SafeHtml({ html, className }: { html: string; className?: string }): ReactNode {
  const content = useMemo(() => {
    const doc = new DOMParser().parseFromString(html, 'text/html');
    return Array.from(doc.body.childNodes, (child, i) => walk(child, String(i), 0));
  }, [html]);
  return <div className={className}>{content}</div>;
}
