import type { Command } from 'commander';
import { readEnvironment, redactUrl } from '@applydesk/config';
import { DomainError, type ErrorCode } from '@applydesk/domain';
import type { OpenEngine } from '@applydesk/engine';
import { ApiError, createApiClient, type ApiClient } from '@applydesk/api-contract/client';
import { EXIT, EXIT_FOR } from '../exit-codes.js';
import { usageError } from '../io.js';
import { withEngine, type GlobalOptions } from '../runtime.js';

export const SERVER_ENV = 'APPLYDESK_SERVER';
export const TOKEN_ENV = 'APPLYDESK_TOKEN';

/** A running ApplyDesk server the command talks to instead of the local database. */
export interface Remote {
  /** The server's root as given, safe to print (a password in it is masked). */
  url: string;
  /** Where the token came from, to name in messages; the token itself is never printed. */
  tokenVar: string;
  hasToken: boolean;
  client: ApiClient;
}

function parseServerUrl(raw: string, from: string): string {
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:'))
    throw usageError(
      `${from} must be an http:// or https:// address (got "${raw}")`,
      'for example --server http://homeserver:7070',
    );
  return raw.replace(/\/+$/, '');
}

/**
 * The server the global options (or APPLYDESK_SERVER) name, or null to work locally.
 * `--no-server` wins over the variable, so one shell can still run local commands.
 */
export function resolveRemote(command: Command): Remote | null {
  const global = command.optsWithGlobals<GlobalOptions>();
  if (global.server === false) return null;
  const env = readEnvironment();
  const given = global.server ?? env[SERVER_ENV];
  if (given === undefined || given.trim() === '') return null;
  const base = parseServerUrl(given.trim(), global.server === undefined ? SERVER_ENV : '--server');
  const tokenVar = global.tokenEnv ?? TOKEN_ENV;
  const token = env[tokenVar];
  if (global.tokenEnv !== undefined && (token === undefined || token === ''))
    throw usageError(
      `--token-env names ${tokenVar}, which is not set`,
      `set ${tokenVar} to a token made with \`applydesk token create <name>\` on the server's machine`,
    );
  const url = redactUrl(base).replace(/\/+$/, '');
  const secret = token === undefined || token === '' ? null : token;
  return {
    url,
    tokenVar,
    hasToken: secret !== null,
    client: createApiClient({
      baseUrl: base,
      token: secret,
      fetch: (input, init) => reach(url, input, init),
    }),
  };
}

const NETWORK_REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused: nothing is listening there',
  ENOTFOUND: 'no such host',
  EAI_AGAIN: 'the host name could not be looked up',
  ETIMEDOUT: 'the connection timed out',
  UND_ERR_CONNECT_TIMEOUT: 'the connection timed out',
  UND_ERR_HEADERS_TIMEOUT: 'the server took too long to answer',
  ECONNRESET: 'the connection was reset',
  EHOSTUNREACH: 'the host is unreachable',
  ENETUNREACH: 'the network is unreachable',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'its TLS certificate is self-signed and not trusted',
  SELF_SIGNED_CERT_IN_CHAIN: 'its TLS certificate chain is not trusted',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its TLS certificate cannot be verified',
  CERT_HAS_EXPIRED: 'its TLS certificate has expired',
  ERR_TLS_CERT_ALTNAME_INVALID: 'its TLS certificate is for another host name',
};

function networkReason(error: unknown): string {
  // fetch wraps the socket's error as `cause`; its code says what went wrong.
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const code =
    cause instanceof Error && 'code' in cause && typeof cause.code === 'string'
      ? cause.code
      : undefined;
  if (code !== undefined) return NETWORK_REASONS[code] ?? `${code}`;
  return cause instanceof Error ? cause.message : String(cause);
}

/** fetch, with a failure to connect turned into a message naming the server and the reason. */
async function reach(
  url: string,
  input: Parameters<typeof fetch>[0],
  init: Parameters<typeof fetch>[1],
): Promise<Response> {
  try {
    return await fetch(input, init);
  } catch (error) {
    throw new DomainError(
      'UPSTREAM_FAILED',
      `cannot reach the ApplyDesk server at ${url}: ${networkReason(error)}`,
      {
        hint: `check the address (--server or ${SERVER_ENV}) and that \`applydesk serve\` is running there`,
        cause: error,
      },
    );
  }
}

const BY_STATUS: Record<number, ErrorCode> = {
  400: 'INVALID_INPUT',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'INVALID_INPUT',
  422: 'INVALID_INPUT',
  429: 'RATE_LIMITED',
};

function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(EXIT_FOR, code);
}

/**
 * A problem the server answered, as the DomainError the CLI reports locally: the same
 * message, hint and exit code, with the server named where the fault is the server's.
 */
export function fromApiError(
  error: ApiError,
  remote: Pick<Remote, 'url' | 'tokenVar' | 'hasToken'>,
): DomainError {
  const code: ErrorCode = isErrorCode(error.code)
    ? error.code
    : (BY_STATUS[error.status] ?? (error.status >= 500 ? 'UPSTREAM_FAILED' : 'INVALID_INPUT'));
  let message = error.message;
  if (error.errors.length > 0)
    message = `the server refused the request:\n${error.errors.map((e) => `  - ${e.path}: ${e.reason}`).join('\n')}`;
  let hint = error.hint;
  if (code === 'UNAUTHORIZED') {
    message = `the ApplyDesk server at ${remote.url} refused the request: ${error.message}`;
    hint = remote.hasToken
      ? `set ${remote.tokenVar} to a valid token (make one on the server's machine with \`applydesk token create <name>\`)`
      : `set ${remote.tokenVar} to a token made on the server's machine with \`applydesk token create <name>\``;
  } else if (error.status >= 500 || error.code === 'HTTP_ERROR') {
    message = `the ApplyDesk server at ${remote.url} answered ${error.status}: ${error.message}`;
    hint ??= "see the server's log";
  }
  return new DomainError(code, message, {
    ...(hint === undefined ? {} : { hint }),
    details: { status: error.status, server: remote.url },
    cause: error,
  });
}

/** Runs a call to the server, reporting what goes wrong the way local errors are reported. */
export async function callServer<T>(
  remote: Remote,
  work: (client: ApiClient) => Promise<T>,
): Promise<T> {
  try {
    return await work(remote.client);
  } catch (error) {
    if (error instanceof ApiError) throw fromApiError(error, remote);
    // A 200 that is not JSON: something else answers at that address.
    if (error instanceof SyntaxError)
      throw new DomainError(
        'UPSTREAM_FAILED',
        `${remote.url} did not answer like an ApplyDesk server (its answer is not JSON)`,
        { hint: 'check the address: it is the root the dashboard is served at', cause: error },
      );
    throw error;
  }
}

/**
 * What a command reads or changes, from the server when one is named, else from the local
 * engine (closed after). Each command formats the result the same way either way.
 */
export async function localOrRemote<T>(
  command: Command,
  sides: { local: (engine: OpenEngine) => Promise<T>; remote: (client: ApiClient) => Promise<T> },
): Promise<T> {
  const remote = resolveRemote(command);
  return remote === null ? withEngine(command, sides.local) : callServer(remote, sides.remote);
}

const REMOTE_CAPABLE = new WeakSet<Command>();

/** Marks a command as able to go through --server; every other command refuses to. */
export function remoteCapable(command: Command): Command {
  REMOTE_CAPABLE.add(command);
  return command;
}

/** Why a command works only where the database is, when there is more to say than that. */
const WHY_LOCAL: Record<string, string> = {
  init: 'it writes applydesk.yaml on the machine it runs on',
  demo: 'it loads samples into a demo database on this machine and serves them from here',
  serve: 'it is the server: start it on the machine that holds the database',
  import:
    "it reads a file on this machine into the local database; copy the file to the server's machine",
  'token create': 'tokens are made where the database is, and a token is shown only there',
  'token list': 'tokens are managed where the database is',
  'token revoke': 'tokens are managed where the database is',
  'sources auth': 'the sign-in answer is caught and its tokens stored on the machine it runs on',
  'sources test': "sources and their secrets are configured on the server's machine",
  ingest: "sources and their secrets are configured on the server's machine",
};

function commandPath(command: Command): string {
  const names: string[] = [];
  for (let c: Command | null = command; c?.parent != null; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

/** Before any action: a command with no remote mode refuses --server instead of going local. */
export function refuseIfLocalOnly(command: Command): void {
  if (REMOTE_CAPABLE.has(command)) return;
  const remote = resolveRemote(command);
  if (remote === null) return;
  const path = commandPath(command);
  const why = WHY_LOCAL[path] ?? 'it works on the database of the machine it runs on';
  command.error(
    `error: \`applydesk ${path}\` cannot go through the server at ${remote.url}: ${why}.\n` +
      `fix: run it on the server's machine, without --server (unset ${SERVER_ENV} or pass --no-server)`,
    { exitCode: EXIT.USAGE, code: 'applydesk.localOnly' },
  );
}
