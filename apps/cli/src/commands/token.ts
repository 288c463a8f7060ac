import type { Command } from 'commander';
import {
  API_TOKEN_SCOPES,
  createApiToken,
  listApiTokens,
  revokeApiToken,
  type ApiToken,
  type ApiTokenScope,
} from '@applydesk/engine';
import { printJson, usageError, type CliIO } from '../io.js';
import { configFrom, openRuntime, type GlobalOptions } from '../runtime.js';

const minute = (iso: string | null): string =>
  iso === null ? 'never' : `${iso.slice(0, 16).replace('T', ' ')} UTC`;

/** The tokens as a table: never a secret, only the prefix that tells them apart. */
export function tokenTable(tokens: ApiToken[]): string {
  const rows = [
    ['name', 'id', 'scope', 'starts with', 'created', 'last used', 'revoked'],
    ...tokens.map((t) => [
      t.name,
      t.id,
      t.scope,
      `${t.prefix}…`,
      minute(t.createdAt),
      minute(t.lastUsedAt),
      t.revokedAt === null ? '' : minute(t.revokedAt),
    ]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows
    .map((r) =>
      r
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export function registerToken(program: Command, io: CliIO): void {
  const token = program
    .command('token')
    .description(
      'API tokens: what the dashboard, the extension and scripts send when the server needs one',
    );

  token
    .command('create <name>')
    .description('make a token and print it once; it is stored only as a hash')
    .option('--scope <scope>', `read (GET only) or write (everything)`, 'read')
    .option('--pair', 'also print a pairing code the browser extension trades for its own token')
    .option('--json', 'print JSON: { id, name, scope, token, pairing? }')
    .action(
      async (
        name: string,
        options: { scope: string; pair?: boolean; json?: boolean },
        command: Command,
      ) => {
        if (!(API_TOKEN_SCOPES as readonly string[]).includes(options.scope))
          throw usageError(
            `--scope must be one of ${API_TOKEN_SCOPES.join(', ')} (got "${options.scope}")`,
          );
        const engine = await openRuntime(configFrom(command.optsWithGlobals<GlobalOptions>()));
        try {
          const created = await createApiToken(engine, {
            name,
            scope: options.scope as ApiTokenScope,
            pair: options.pair === true,
          });
          if (options.json === true) {
            printJson(io, {
              id: created.token.id,
              name: created.token.name,
              scope: created.token.scope,
              token: created.secret,
              ...(created.pairing === undefined ? {} : { pairing: created.pairing }),
            });
            return;
          }
          // The token (and code) on stdout alone, so `$(applydesk token create ci)` captures it.
          io.out(`${created.secret}\n`);
          io.err(
            `Created API token "${created.token.name}" (${created.token.scope} scope, ${created.token.id}). Copy it now: it is not shown again.\n` +
              `Send it as: Authorization: Bearer <token>\n`,
          );
          if (created.pairing !== undefined) {
            io.out(`${created.pairing.code}\n`);
            io.err(
              `Pairing code for the browser extension: ${created.pairing.code} (works once, until ${minute(created.pairing.expiresAt)}).\n`,
            );
          }
        } finally {
          await engine.close();
        }
      },
    );

  token
    .command('list')
    .description('the tokens, without their secrets')
    .option('--all', 'include revoked tokens')
    .option('--json', 'print JSON')
    .action(async (options: { all?: boolean; json?: boolean }, command: Command) => {
      const engine = await openRuntime(configFrom(command.optsWithGlobals<GlobalOptions>()));
      try {
        const tokens = await listApiTokens(engine, { includeRevoked: options.all === true });
        if (options.json === true) printJson(io, tokens);
        else if (tokens.length === 0)
          io.out('No API tokens. Create one with `applydesk token create <name>`.\n');
        else io.out(`${tokenTable(tokens)}\n`);
      } finally {
        await engine.close();
      }
    });

  token
    .command('revoke <name-or-id>')
    .description('stop a token (and tokens paired from it) from working')
    .action(async (nameOrId: string, _options: unknown, command: Command) => {
      const engine = await openRuntime(configFrom(command.optsWithGlobals<GlobalOptions>()));
      try {
        const revoked = await revokeApiToken(engine, nameOrId);
        io.out(`Revoked API token "${revoked.name}" (${revoked.id}).\n`);
      } finally {
        await engine.close();
      }
    });
}
