import { describe, expect, it } from 'vitest';
import { EXIT } from './exit-codes.js';
import { runCli, tempHome } from './test-support/run-cli.js';

interface ListedToken {
  id: string;
  name: string;
  scope: string;
  prefix: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

describe('token', () => {
  it('creates a token, printed once on stdout, and lists it without the secret', async () => {
    const home = tempHome();
    const created = await runCli(['token', 'create', 'laptop'], { APPLYDESK_HOME: home });
    expect(created.code).toBe(EXIT.OK);
    const secret = created.stdout.trim();
    expect(secret).toMatch(/^adk_[A-Za-z0-9_-]{43}$/);
    expect(created.stderr).toContain('Created API token "laptop" (read scope');
    expect(created.stderr).toContain('not shown again');

    const list = await runCli(['token', 'list'], { APPLYDESK_HOME: home });
    expect(list.code).toBe(EXIT.OK);
    expect(list.stdout).toMatch(/^name\s+id\s+scope\s+starts with\s+created\s+last used/);
    expect(list.stdout).toMatch(
      /^laptop\s+tok_\w+\s+read\s+adk_\S+…\s+\d{4}-\d\d-\d\d \d\d:\d\d UTC\s+never$/m,
    );
    expect(list.stdout).not.toContain(secret);
    expect(list.stdout).not.toContain(secret.slice(12));

    const json = await runCli(['token', 'list', '--json'], { APPLYDESK_HOME: home });
    const tokens = JSON.parse(json.stdout) as ListedToken[];
    expect(tokens).toHaveLength(1);
    expect(tokens[0]).toMatchObject({ name: 'laptop', scope: 'read', revokedAt: null });
    expect(json.stdout).not.toContain(secret);
  });

  it('makes write tokens and pairing codes, as JSON too', async () => {
    const home = tempHome();
    const paired = await runCli(['token', 'create', 'chrome', '--scope', 'write', '--pair'], {
      APPLYDESK_HOME: home,
    });
    expect(paired.code).toBe(EXIT.OK);
    const [secret, code] = paired.stdout.trim().split('\n');
    expect(secret).toMatch(/^adk_/);
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(paired.stderr).toContain(`Pairing code for the browser extension: ${code} (works once`);

    const json = await runCli(['token', 'create', 'ci', '--scope', 'write', '--json'], {
      APPLYDESK_HOME: home,
    });
    const body = JSON.parse(json.stdout) as { name: string; scope: string; token: string };
    expect(body).toMatchObject({ name: 'ci', scope: 'write' });
    expect(body.token).toMatch(/^adk_/);
    expect(body).not.toHaveProperty('pairing');
  });

  it('revokes by name or id; revoked tokens are listed only with --all', async () => {
    const home = tempHome();
    await runCli(['token', 'create', 'old'], { APPLYDESK_HOME: home });
    await runCli(['token', 'create', 'other'], { APPLYDESK_HOME: home });
    const revoked = await runCli(['token', 'revoke', 'old'], { APPLYDESK_HOME: home });
    expect(revoked.code).toBe(EXIT.OK);
    expect(revoked.stdout).toMatch(/^Revoked API token "old" \(tok_\w+\)\.\n$/);

    const listed = JSON.parse(
      (await runCli(['token', 'list', '--json'], { APPLYDESK_HOME: home })).stdout,
    ) as ListedToken[];
    expect(listed.map((t) => t.name)).toEqual(['other']);
    const byId = await runCli(['token', 'revoke', listed[0]!.id], { APPLYDESK_HOME: home });
    expect(byId.stdout).toContain('Revoked API token "other"');

    const all = await runCli(['token', 'list', '--all'], { APPLYDESK_HOME: home });
    expect(all.stdout).toMatch(/^old\s.*\snever\s+\d{4}-\d\d-\d\d \d\d:\d\d UTC$/m);
    const none = await runCli(['token', 'list'], { APPLYDESK_HOME: home });
    expect(none.stdout).toBe('No API tokens. Create one with `applydesk token create <name>`.\n');
  });

  it('refuses a bad scope, a taken name and an unknown token, saying why', async () => {
    const home = tempHome();
    const scope = await runCli(['token', 'create', 'x', '--scope', 'admin'], {
      APPLYDESK_HOME: home,
    });
    expect(scope.code).toBe(EXIT.DATA);
    expect(scope.stderr).toContain('--scope must be one of read, write (got "admin")');

    await runCli(['token', 'create', 'twice'], { APPLYDESK_HOME: home });
    const again = await runCli(['token', 'create', 'twice'], { APPLYDESK_HOME: home });
    expect(again.code).toBe(EXIT.DATA);
    expect(again.stderr).toContain('an API token named "twice" already exists');
    expect(again.stderr).toContain('fix: ');

    const unknown = await runCli(['token', 'revoke', 'ghost'], { APPLYDESK_HOME: home });
    expect(unknown.code).toBe(EXIT.NO_INPUT);
    expect(unknown.stderr).toContain('no API token is named or has the id "ghost"');
  });
});
