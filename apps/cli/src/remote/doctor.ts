import { OPENAPI_INFO } from '@applydesk/api-contract';
import { ApiError } from '@applydesk/api-contract/client';
import { isDomainError } from '@applydesk/domain';
import type { Check } from '../commands/doctor.js';
import { fromApiError, type Remote } from './remote.js';

function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

function problemOf(name: string, error: unknown, remote: Remote): Check {
  const e = error instanceof ApiError ? fromApiError(error, remote) : error;
  if (isDomainError(e))
    return {
      name,
      status: 'fail',
      detail: e.message,
      ...(e.hint === undefined ? {} : { fix: e.hint }),
    };
  return {
    name,
    status: 'fail',
    detail: `${remote.url} did not answer like an ApplyDesk server (${error instanceof Error ? error.message : String(error)})`,
    fix: 'check the address: it is the root the dashboard is served at',
  };
}

/**
 * What doctor can tell about a server from here: whether it answers, its version and database,
 * whether the token is accepted (never showing it), and whether the token travels in clear.
 */
export async function remoteChecks(remote: Remote): Promise<Check[]> {
  const checks: Check[] = [];
  const url = new URL(remote.url);
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname))
    checks.push({
      name: 'transport',
      status: 'warn',
      detail: `${remote.url} is plain http: the API token and your data cross the network unencrypted`,
      fix: 'put a TLS-terminating proxy in front of the server and use its https:// address',
    });
  const mine = OPENAPI_INFO.info.version;
  try {
    const health = await remote.client.health();
    const db = `${health.database.dialect} schema ${health.database.schemaVersion}`;
    checks.push(
      health.version === mine
        ? {
            name: 'server',
            status: 'ok',
            detail: `ApplyDesk ${health.version} at ${remote.url}, ${db}`,
          }
        : {
            name: 'server',
            status: 'warn',
            detail: `ApplyDesk ${health.version} at ${remote.url} (${db}), but this applydesk is ${mine}`,
            fix: 'use the same ApplyDesk version on both machines',
          },
    );
  } catch (error) {
    if (error instanceof ApiError && error.status === 503)
      checks.push({
        name: 'server',
        status: 'fail',
        detail: `ApplyDesk at ${remote.url} answers, but its database is not available`,
        fix: "run `applydesk doctor` on the server's machine",
      });
    else checks.push(problemOf('server', error, remote));
    return checks;
  }
  try {
    // /healthz needs no token; listing postings does whenever the server asks for one.
    const page = await remote.client.jobs.list({ limit: 1, rejected: 'include' });
    checks.push({
      name: 'token',
      status: 'ok',
      detail: remote.hasToken
        ? `the server accepts the token from ${remote.tokenVar} (${page.total_count} postings)`
        : `the server asks for no token (${page.total_count} postings); it is bound to loopback`,
    });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401)
      checks.push({
        name: 'token',
        status: 'fail',
        detail: remote.hasToken
          ? `the server does not accept the token from ${remote.tokenVar}: ${error.message}`
          : `the server needs an API token and ${remote.tokenVar} is not set`,
        fix: `set ${remote.tokenVar} to a token made on the server's machine with \`applydesk token create <name>\``,
      });
    else checks.push(problemOf('token', error, remote));
    return checks;
  }
  try {
    const profile = await remote.client.profile();
    checks.push({
      name: 'profile',
      status: 'ok',
      detail: `${profile.basics.name} (${profile.name})`,
    });
  } catch (error) {
    checks.push(
      error instanceof ApiError && error.status === 404
        ? {
            name: 'profile',
            status: 'warn',
            detail: 'the server has no profile yet, so nothing can be ranked',
            fix: "import your resume on the server's machine with `applydesk profile import <file>`",
          }
        : problemOf('profile', error, remote),
    );
  }
  return checks;
}
