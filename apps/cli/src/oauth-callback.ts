import { createServer } from 'node:http';
import { DomainError } from '@applydesk/domain';

/** True for an http:// redirect to this machine, which ApplyDesk can answer itself. */
export function isLoopbackRedirect(redirectUri: string): boolean {
  try {
    const url = new URL(redirectUri);
    return (
      url.protocol === 'http:' &&
      ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname) &&
      url.port !== ''
    );
  } catch {
    return false;
  }
}

/** The code (and state) from a pasted redirect address, or the code itself when pasted alone. */
export function codeFromPaste(text: string): { code: string; state: string | null } {
  const value = text.trim();
  try {
    const url = new URL(value);
    const code = url.searchParams.get('code');
    if (code !== null && code !== '') return { code, state: url.searchParams.get('state') };
    const error = url.searchParams.get('error');
    throw new DomainError(
      'UNAUTHORIZED',
      error === null
        ? `the address has no code: ${url.origin}${url.pathname}`
        : `the sign-in was refused (${error})`,
    );
  } catch (error) {
    if (error instanceof DomainError) throw error;
    if (value === '') throw new DomainError('INVALID_INPUT', 'no code was given');
    return { code: value, state: null };
  }
}

const page = (title: string, body: string): string =>
  `<!doctype html><meta charset="utf-8"><title>${title}</title><body style="font-family:system-ui;margin:3rem"><h1>${title}</h1><p>${body}</p></body>`;

/**
 * Waits for the provider to send the browser back to `redirectUri` on this machine, and hands
 * over the code. A request whose state is not ours is refused (it did not come from this sign-in).
 */
export function waitForOAuthRedirect(
  redirectUri: string,
  expectedState: string,
  options: { timeoutMs: number; onListening?: () => void; signal?: AbortSignal },
): Promise<string> {
  const target = new URL(redirectUri);
  return new Promise<string>((resolve, reject) => {
    const server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', target);
      if (url.pathname !== target.pathname) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      const state = url.searchParams.get('state');
      const code = url.searchParams.get('code');
      const error = url.searchParams.get('error');
      if (state !== expectedState) {
        res
          .writeHead(400, { 'content-type': 'text/html; charset=utf-8' })
          .end(
            page(
              'Not this sign-in',
              'This answer does not belong to the sign-in ApplyDesk is waiting for.',
            ),
          );
        return;
      }
      if (error !== null || code === null || code === '') {
        res
          .writeHead(400, { 'content-type': 'text/html; charset=utf-8' })
          .end(page('Sign-in refused', 'ApplyDesk was not given access. You can close this tab.'));
        finish(
          new DomainError('UNAUTHORIZED', `the sign-in was refused (${error ?? 'no code'})`, {
            hint: 'run the command again and allow access',
          }),
        );
        return;
      }
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(page('ApplyDesk is connected', 'You can close this tab and go back to the terminal.'));
      finish(null, code);
    });
    const timer = setTimeout(
      () =>
        finish(
          new DomainError(
            'UNAUTHORIZED',
            `no answer from the sign-in within ${Math.round(options.timeoutMs / 1000)} s`,
            {
              hint: 'run the command again, or pass the code with --code',
            },
          ),
        ),
      options.timeoutMs,
    );
    const onAbort = () => finish(new DomainError('UNAUTHORIZED', 'the sign-in was cancelled'));
    options.signal?.addEventListener('abort', onAbort, { once: true });
    function finish(error: Error | null, code?: string): void {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      server.closeAllConnections();
      server.close();
      if (error !== null) reject(error);
      else resolve(code ?? '');
    }
    server.once('error', (error: NodeJS.ErrnoException) =>
      finish(
        new DomainError(
          'PORT_IN_USE',
          `cannot listen on ${target.host} for the sign-in answer (${error.code ?? error.message})`,
          {
            hint: 'stop what uses that port, or register another redirect URI on the key',
          },
        ),
      ),
    );
    server.listen(Number(target.port), target.hostname.replace(/^\[|\]$/g, ''), () =>
      options.onListening?.(),
    );
  });
}
