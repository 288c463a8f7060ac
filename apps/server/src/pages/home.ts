import type { OpenAPIHono } from '@hono/zod-openapi';

/**
 * A small page over the API until the dashboard lands: the ranked postings, and for the
 * one picked, its reasons, sanitized description and drafts. Text from postings is put in
 * with textContent; only the server-sanitized description is inserted as HTML.
 */
const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>ApplyDesk</title>
<style>
  :root { color-scheme: light dark; --bg:#f7f7f8; --card:#fff; --ink:#1d1d1f; --muted:#6b6b73; --line:#e3e3e8; --accent:#2f6fde; --good:#1b873f; --bad:#c4372b; }
  @media (prefers-color-scheme: dark) { :root { --bg:#141416; --card:#1d1d21; --ink:#ececf0; --muted:#9a9aa4; --line:#2c2c33; --accent:#6ea0ff; --good:#4cc38a; --bad:#ff7b72; } }
  * { box-sizing: border-box; }
  body { margin:0; font:15px/1.45 system-ui, sans-serif; background:var(--bg); color:var(--ink); }
  header { display:flex; gap:1rem; align-items:center; padding:.8rem 1.2rem; border-bottom:1px solid var(--line); background:var(--card); position:sticky; top:0; }
  header h1 { font-size:1.1rem; margin:0; }
  header input { flex:1; max-width:28rem; padding:.45rem .6rem; border:1px solid var(--line); border-radius:6px; background:var(--bg); color:var(--ink); }
  header a { color:var(--accent); font-size:.9rem; }
  main { display:grid; grid-template-columns:minmax(18rem, 26rem) 1fr; min-height:calc(100vh - 3.2rem); }
  @media (max-width: 760px) { main { grid-template-columns:1fr; } }
  #list { border-right:1px solid var(--line); overflow:auto; max-height:calc(100vh - 3.2rem); margin:0; padding:0; list-style:none; }
  #list li button { all:unset; box-sizing:border-box; display:block; width:100%; padding:.7rem 1rem; border-bottom:1px solid var(--line); cursor:pointer; }
  #list li button:hover, #list li button[aria-current="true"] { background:var(--card); }
  .row { display:flex; justify-content:space-between; gap:.5rem; }
  .score { font-weight:700; min-width:2.2rem; text-align:right; }
  .meta { color:var(--muted); font-size:.85rem; }
  #detail { padding:1.2rem 1.6rem; overflow:auto; max-height:calc(100vh - 3.2rem); }
  .reasons li.plus { color:var(--good); } .reasons li.minus { color:var(--bad); }
  .description { background:var(--card); border:1px solid var(--line); border-radius:8px; padding:.8rem 1rem; }
  pre.draft { white-space:pre-wrap; background:var(--card); border:1px solid var(--line); border-radius:8px; padding:.8rem 1rem; font:inherit; }
  .count { color:var(--muted); padding:.5rem 1rem; font-size:.85rem; }
</style>
</head>
<body>
<header>
  <h1>ApplyDesk</h1>
  <input id="q" type="search" placeholder="Search postings" aria-label="Search postings">
  <a href="/api/docs">API reference</a>
</header>
<main>
  <section aria-label="Ranked postings"><div class="count" id="count"></div><ul id="list"></ul></section>
  <section id="detail" aria-live="polite"><p class="meta">Pick a posting to see why it ranks where it does, and its drafts.</p></section>
</main>
<script src="/assets/home.js"></script>
</body>
</html>`;

const SCRIPT = `
const list = document.getElementById('list');
const detail = document.getElementById('detail');
const count = document.getElementById('count');
const q = document.getElementById('q');
function el(tag, props, children) {
  const node = document.createElement(tag);
  Object.assign(node, props || {});
  for (const child of children || []) node.append(child);
  return node;
}
function money(amount, currency) {
  return new Intl.NumberFormat(undefined, { style: 'currency', currency, maximumFractionDigits: 0, notation: amount >= 10000 ? 'compact' : 'standard' }).format(amount);
}
function range(min, max, currency) {
  if (min != null && max != null && min !== max) return money(min, currency) + '–' + money(max, currency);
  return money(max ?? min, currency);
}
function pay(job) {
  const f = job.freelance;
  if (f) {
    if (f.contractType === 'hourly') return f.hourlyMin == null && f.hourlyMax == null ? 'hourly' : range(f.hourlyMin, f.hourlyMax, f.currency) + '/hr';
    return f.budget == null ? 'fixed price' : money(f.budget, f.currency) + ' fixed';
  }
  const s = job.salary;
  return s ? range(s.min, s.max, s.currency) + '/' + s.period : '';
}
async function load() {
  const params = new URLSearchParams({ limit: '100', sort: q.value ? 'relevance' : 'score' });
  if (q.value) params.set('q', q.value);
  const res = await fetch('/api/jobs?' + params);
  const body = await res.json();
  count.textContent = body.total_count + ' postings';
  list.replaceChildren(...body.items.map((job) => {
    const button = el('button', { type: 'button' }, [
      el('div', { className: 'row' }, [el('strong', { textContent: job.title }), el('span', { className: 'score', textContent: job.score ?? '-' })]),
      el('div', { className: 'meta', textContent: [job.company, job.location, job.remote, job.sourceType, pay(job)].filter(Boolean).join(' · ') }),
    ]);
    button.addEventListener('click', () => {
      for (const b of list.querySelectorAll('button')) b.removeAttribute('aria-current');
      button.setAttribute('aria-current', 'true');
      show(job.id);
    });
    return el('li', {}, [button]);
  }));
}
async function show(id) {
  const res = await fetch('/api/jobs/' + encodeURIComponent(id));
  const { job, match, application, drafts } = await res.json();
  const description = el('div', { className: 'description' });
  description.innerHTML = job.descriptionHtml;
  const link = el('a', { href: job.url, textContent: 'Open the posting', target: '_blank', rel: 'noopener noreferrer' });
  detail.replaceChildren(
    el('h2', { textContent: job.title }),
    el('p', { className: 'meta', textContent: [job.company, job.location, 'stage: ' + (application ? application.stage : 'discovered')].filter(Boolean).join(' · ') }),
    link,
    el('h3', { textContent: match ? 'Score ' + match.score : 'Not scored' }),
    el('ul', { className: 'reasons' }, (match ? match.reasons : []).map((r) => el('li', { className: r.kind, textContent: r.text }))),
    ...drafts.flatMap((d) => [el('h3', { textContent: 'Draft: ' + d.kind.replace('_', ' ') + ' (' + d.writer + ' writer, ' + d.status.replace('_', ' ') + ')' }), el('pre', { className: 'draft', textContent: d.text })]),
    el('h3', { textContent: 'Description' }),
    description,
  );
}
let timer;
q.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(load, 200); });
load();
`;

export function registerHomePage(app: OpenAPIHono): void {
  app.get('/', (c) => c.html(PAGE));
  app.get('/assets/home.js', (c) =>
    c.body(SCRIPT, 200, { 'content-type': 'text/javascript; charset=utf-8' }),
  );
}
