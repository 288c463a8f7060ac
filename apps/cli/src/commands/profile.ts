import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { DomainError, isDomainError, type Profile } from '@applydesk/domain';
import {
  importProfile,
  resolveProfile,
  type EngineContext,
  type ImportProfileResult,
} from '@applydesk/engine';
import { printJson, usageError, type CliIO } from '../io.js';
import { configFrom, openRuntime, type GlobalOptions } from '../runtime.js';

const FORMAT_LABEL: Record<ImportProfileResult['format'], string> = {
  pdf: 'PDF',
  docx: 'DOCX',
  markdown: 'Markdown',
  text: 'plain text',
  'json-resume': 'JSON Resume',
  'applydesk-profile': 'ApplyDesk profile JSON',
};

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** `--name x` as the user would type it again, or nothing for the default profile. */
function nameFlag(name: string): string {
  return name === 'default'
    ? ''
    : ` --name ${/^[\w.-]+$/.test(name) ? name : JSON.stringify(name)}`;
}

/** Skills, counting each keyword of a group, and a group without keywords as one. */
function skillCount(profile: Profile): number {
  return profile.skills.reduce((n, s) => n + Math.max(1, s.keywords.length), 0);
}

async function readResume(file: string): Promise<Uint8Array> {
  try {
    return await readFile(file);
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
    if (code === 'EISDIR')
      throw new DomainError('INVALID_INPUT', `${file}: is a directory, not a file`, {
        hint: 'name the resume file itself',
      });
    if (code === 'EACCES' || code === 'EPERM')
      throw new DomainError('FORBIDDEN', `cannot read ${file} (${code})`, {
        hint: 'check the file is readable by you',
      });
    const reason = code === 'ENOENT' || code === 'ENOTDIR' ? 'no such file' : 'unreadable';
    throw new DomainError('NOT_FOUND', `cannot read ${file}: ${reason} (${code})`, {
      hint: 'check the path',
    });
  }
}

/**
 * A refusal listing several problems, with each on its own line after the file and the reason
 * (the shared reporter would call the file "the configuration").
 */
function listProblems(error: unknown): unknown {
  if (!isDomainError(error)) return error;
  const problems = error.details?.problems;
  if (!Array.isArray(problems) || problems.length < 2) return error;
  const joined = `: ${problems.map(String).join('; ')}`;
  const head = error.message.endsWith(joined)
    ? error.message.slice(0, -joined.length)
    : error.message;
  const { problems: _problems, ...details } = error.details ?? {};
  return new DomainError(
    error.code,
    `${head}:\n${problems.map((p) => `  - ${String(p)}`).join('\n')}`,
    {
      ...(error.hint === undefined ? {} : { hint: error.hint }),
      details: { ...details, problemList: problems },
      cause: error,
    },
  );
}

async function profileNamed(ctx: EngineContext, name: string | undefined): Promise<Profile> {
  if (name === undefined) return resolveProfile(ctx);
  const profile = (await ctx.store.profiles.list()).find((p) => p.name === name);
  if (profile !== undefined) return profile;
  throw new DomainError('NOT_FOUND', `there is no profile named "${name}"`, {
    hint: 'see the names with `applydesk profile list`, or import one with `applydesk profile import <resume> --name <label>`',
  });
}

function importSummary(file: string, result: ImportProfileResult): string {
  const { profile } = result;
  const lines: string[] = [];
  const person = [profile.basics.name, profile.basics.label].filter(Boolean).join(', ');
  lines.push(
    `Imported ${file} (${FORMAT_LABEL[result.format]}) into ${result.created ? 'the new' : 'the'} profile "${profile.name}": ${person}`,
  );
  lines.push(
    `  ${[
      plural(profile.work.length, 'role'),
      plural(skillCount(profile), 'skill'),
      plural(profile.projects.length, 'project'),
      plural(profile.education.length, 'education entry', 'education entries'),
      plural(profile.certificates.length, 'certificate'),
      plural(profile.languages.length, 'language'),
    ].join(', ')}`,
  );
  const show = `applydesk profile show${nameFlag(profile.name)}`;
  const edit = `to change them: \`${show} --json > profile.json\`, edit "preferences", then \`applydesk profile import profile.json\``;
  lines.push(
    result.preferences === 'kept'
      ? '  preferences: kept from the stored profile (a resume carries none)'
      : result.preferences === 'imported'
        ? '  preferences: taken from the file'
        : `  preferences: the defaults (remote work, nothing else set); ${edit}`,
  );
  if (result.warnings.length > 0) {
    lines.push(`${plural(result.warnings.length, 'warning')}:`);
    for (const w of result.warnings) lines.push(`  - ${w}`);
  }
  if (result.unplaced.length > 0)
    lines.push(
      result.format === 'applydesk-profile'
        ? `${plural(result.unplaced.length, 'line')} still not placed in a section: see "Not placed" in \`${show}\``
        : `${plural(result.unplaced.length, 'line')} could not be placed in a section: see "Not placed" in \`${show}\` and move what matters into the profile`,
    );
  return `${lines.join('\n')}\n`;
}

function dates(start: string | undefined, end: string | undefined): string {
  if (start === undefined && end === undefined) return '';
  return `${start ?? '?'} – ${end ?? 'present'}`;
}

function joinParts(parts: (string | undefined)[], separator = ', '): string {
  return parts.filter((p): p is string => p !== undefined && p.trim() !== '').join(separator);
}

const orAny = (values: string[], none = 'any'): string =>
  values.length === 0 ? none : values.join(', ');

/** The profile as a person reads it: every section, then the preferences and unplaced text. */
export function profileText(profile: Profile): string {
  const out: string[] = [];
  const section = (title: string, lines: string[]): void => {
    if (lines.length === 0) return;
    out.push('', title, ...lines);
  };
  const { basics, preferences: p } = profile;

  out.push(`Profile "${profile.name}" (${profile.id}), updated ${profile.updatedAt}`, '');
  out.push(basics.name);
  if (basics.label !== undefined) out.push(basics.label);
  const place = joinParts([
    basics.location?.city,
    basics.location?.region,
    basics.location?.countryCode,
  ]);
  const contact = joinParts([basics.email, basics.phone, place, basics.url], ' · ');
  if (contact !== '') out.push(contact);

  if (basics.summary !== undefined) section('Summary', [`  ${basics.summary}`]);
  section(
    'Experience',
    profile.work.flatMap((w) => {
      const when = dates(w.startDate, w.endDate);
      return [
        `  ${joinParts([w.position, w.name])}${w.location === undefined ? '' : ` — ${w.location}`}${when === '' ? '' : ` (${when})`}`,
        ...(w.summary === undefined ? [] : [`    ${w.summary}`]),
        ...w.highlights.map((h) => `    - ${h}`),
      ];
    }),
  );
  section(
    'Skills',
    profile.skills.map(
      (s) =>
        `  ${s.name}${s.level === undefined ? '' : ` (${s.level})`}${s.keywords.length === 0 ? '' : `: ${s.keywords.join(', ')}`}`,
    ),
  );
  section(
    'Projects',
    profile.projects.flatMap((pr) => {
      const when = dates(pr.startDate, pr.endDate);
      return [
        `  ${pr.name}${pr.description === undefined ? '' : ` — ${pr.description}`}${when === '' ? '' : ` (${when})`}`,
        ...(pr.url === undefined ? [] : [`    ${pr.url}`]),
        ...(pr.keywords.length === 0 ? [] : [`    uses: ${pr.keywords.join(', ')}`]),
        ...pr.highlights.map((h) => `    - ${h}`),
      ];
    }),
  );
  section(
    'Education',
    profile.education.map((e) => {
      const when = dates(e.startDate, e.endDate);
      const degree = joinParts([e.studyType, e.area], ' in ');
      return `  ${joinParts([degree, e.institution])}${when === '' ? '' : ` (${when})`}${e.score === undefined ? '' : `, score ${e.score}`}`;
    }),
  );
  section(
    'Certificates',
    profile.certificates.map(
      (c) =>
        `  ${c.name}${c.issuer === undefined ? '' : ` — ${c.issuer}`}${c.date === undefined ? '' : ` (${c.date})`}`,
    ),
  );
  section(
    'Languages',
    profile.languages.map(
      (l) => `  ${l.language}${l.fluency === undefined ? '' : ` (${l.fluency})`}`,
    ),
  );
  section(
    'Links',
    basics.profiles.map((l) => `  ${l.network}: ${l.url ?? l.username ?? ''}`),
  );
  const salary =
    p.salaryFloor === null
      ? 'none'
      : `${p.salaryFloor.amount} ${p.salaryFloor.currency} per ${p.salaryFloor.period}`;
  const { client, minHourlyRate, minFixedBudget } = p.freelance;
  const rates = [
    minHourlyRate === null ? '' : `hourly rate at least ${minHourlyRate}`,
    minFixedBudget === null ? '' : `fixed budget at least ${minFixedBudget}`,
  ].filter((r) => r !== '');
  const clients = [
    client.paymentVerified ? 'payment verified' : '',
    client.minSpent === null ? '' : `spent at least ${client.minSpent}`,
    client.minRating === null ? '' : `rated at least ${client.minRating}`,
    client.maxProposals === null ? '' : `at most ${client.maxProposals} proposals`,
  ].filter((c) => c !== '');
  section('Preferences', [
    `  target titles: ${orAny(p.targetTitles)}`,
    `  seniority: ${orAny(p.seniority)}`,
    `  locations: ${orAny(p.locations)}`,
    `  time zones: ${orAny(p.timeZones)}`,
    `  remote: ${orAny(p.remote)}`,
    `  salary floor: ${salary}`,
    `  employment types: ${orAny(p.employmentTypes)}`,
    `  avoid companies: ${orAny(p.avoidCompanies, 'none')}`,
    `  freelance rates: ${orAny(rates)}`,
    `  freelance clients: ${orAny(clients)}`,
    `  (to change them: \`applydesk profile show${nameFlag(profile.name)} --json > profile.json\`, edit "preferences", then \`applydesk profile import profile.json\`)`,
  ]);
  section(
    `Not placed (${plural(profile.unplaced.length, 'line')} the importer could not put in a section)`,
    profile.unplaced.map((line) => `  ${line}`),
  );
  return `${out.join('\n')}\n`;
}

export function registerProfile(program: Command, io: CliIO): void {
  const profile = program
    .command('profile')
    .description('your profile: the resume postings are ranked against, and your preferences');

  profile
    .command('import')
    .description(
      'import a resume (PDF, DOCX, Markdown, text or JSON Resume) or an edited `profile show --json` into a profile; a resume keeps the stored preferences',
    )
    .argument('<file>', 'the resume, or a profile JSON')
    .option('--name <label>', 'the profile to create or replace (default: "default")')
    .option('--json', 'print the result as JSON')
    .action(async (file: string, options: { name?: string; json?: boolean }, command: Command) => {
      if (options.name?.trim() === '')
        throw usageError('--name is empty', 'give a label, or leave the option out');
      const bytes = await readResume(file);
      const engine = await openRuntime(configFrom(command.optsWithGlobals<GlobalOptions>()));
      try {
        const result = await importProfile(
          engine,
          { bytes, fileName: file, ...(options.name === undefined ? {} : { name: options.name }) },
          'cli',
        ).catch((error: unknown) => {
          throw listProblems(error);
        });
        if (options.json === true) printJson(io, result);
        else io.out(importSummary(file, result));
      } finally {
        await engine.close();
      }
    });

  profile
    .command('show')
    .description('show a profile, or print it as JSON to edit and import again')
    .option('--name <label>', 'the profile to show (default: "default", else the oldest)')
    .option('--json', 'print the whole profile as JSON (`profile import` reads it back)')
    .action(async (options: { name?: string; json?: boolean }, command: Command) => {
      const engine = await openRuntime(configFrom(command.optsWithGlobals<GlobalOptions>()));
      try {
        const found = await profileNamed(engine, options.name);
        if (options.json === true) printJson(io, found);
        else io.out(profileText(found));
      } finally {
        await engine.close();
      }
    });

  profile
    .command('list')
    .description('list the profiles')
    .option('--json', 'print JSON: [{ id, name, person, default, updatedAt }]')
    .action(async (options: { json?: boolean }, command: Command) => {
      const engine = await openRuntime(configFrom(command.optsWithGlobals<GlobalOptions>()));
      try {
        const all = await engine.store.profiles.list();
        const defaultId = (await engine.store.profiles.defaultId()) ?? undefined;
        const rows = all.map((p) => ({
          id: p.id,
          name: p.name,
          person: p.basics.name,
          default: p.id === defaultId,
          roles: p.work.length,
          updatedAt: p.updatedAt,
        }));
        if (options.json === true) {
          printJson(io, rows);
          return;
        }
        if (rows.length === 0) {
          io.out('No profile yet. Import your resume with `applydesk profile import <file>`.\n');
          return;
        }
        const width = Math.max(4, ...rows.map((r) => r.name.length));
        io.out(`  ${'NAME'.padEnd(width)}  ${'PERSON'.padEnd(24)}  ROLES  UPDATED\n`);
        for (const r of rows)
          io.out(
            `${r.default ? '*' : ' '} ${r.name.padEnd(width)}  ${r.person.padEnd(24)}  ${String(r.roles).padStart(5)}  ${r.updatedAt}\n`,
          );
      } finally {
        await engine.close();
      }
    });
}
