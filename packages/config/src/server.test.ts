import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DomainError } from '@applydesk/domain';
import { loadConfig } from './load.js';

function homeWith(yaml: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'applydesk-config-'));
  writeFileSync(join(dir, 'applydesk.yaml'), yaml);
  return dir;
}

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error.details?.problems as string[];
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('loadConfig: server security', () => {
  it('defaults to loopback-only auth, no CORS origins, 600 requests a minute and 1 MB bodies', () => {
    const dir = mkdtempSync(join(tmpdir(), 'applydesk-config-'));
    expect(loadConfig({ env: { APPLYDESK_HOME: dir } }).server).toEqual({
      host: '127.0.0.1',
      port: 7070,
      auth: 'auto',
      corsOrigins: [],
      extensionIds: [],
      rateLimit: { requestsPerMinute: 600 },
      bodyLimitBytes: 1_048_576,
    });
  });

  it('reads the snake_case keys of the file into camelCase settings', () => {
    const dir = homeWith(
      [
        'server:',
        '  host: 0.0.0.0',
        '  auth: required',
        '  cors_origins: [https://desk.example.com, http://localhost:5173]',
        '  extension_ids: [abcdefghijklmnopabcdefghijklmnop]',
        '  rate_limit:',
        '    requests_per_minute: 120',
        '  body_limit_bytes: 65536',
        '',
      ].join('\n'),
    );
    expect(loadConfig({ env: { APPLYDESK_HOME: dir } }).server).toEqual({
      host: '0.0.0.0',
      port: 7070,
      auth: 'required',
      corsOrigins: ['https://desk.example.com', 'http://localhost:5173'],
      extensionIds: ['abcdefghijklmnopabcdefghijklmnop'],
      rateLimit: { requestsPerMinute: 120 },
      bodyLimitBytes: 65536,
    });
  });

  it('names each bad server setting and why', () => {
    const dir = homeWith(
      [
        'server:',
        '  auth: never',
        '  cors_origins: ["*", https://desk.example.com/]',
        '  extension_ids: [not-an-id]',
        '  rate_limit:',
        '    requests_per_minute: 0',
        '  body_limit_bytes: -1',
        '',
      ].join('\n'),
    );
    const problems = problemsOf(() => loadConfig({ env: { APPLYDESK_HOME: dir } }));
    expect(problems.map((p) => p.slice(0, p.indexOf(': '))).sort()).toEqual([
      'server.auth',
      'server.body_limit_bytes',
      'server.cors_origins.0',
      'server.cors_origins.1',
      'server.extension_ids.0',
      'server.rate_limit.requests_per_minute',
    ]);
    expect(problems.find((p) => p.startsWith('server.cors_origins.1'))).toContain(
      'no trailing slash',
    );
  });
});
