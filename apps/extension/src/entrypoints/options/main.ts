import { browser } from 'wxt/browser';
import { api, problemText } from '../../lib/api.js';
import { loadSettings, saveSettings, serverOrigin } from '../../lib/settings.js';
import { isRecord } from '../../lib/text.js';

const form = document.getElementById('settings') as HTMLFormElement;
const serverInput = document.getElementById('server') as HTMLInputElement;
const codeInput = document.getElementById('code') as HTMLInputElement;
const tokenInput = document.getElementById('token') as HTMLInputElement;
const status = document.getElementById('status') as HTMLElement;

const say = (text: string): void => {
  status.textContent = text;
};

/**
 * Asks for the server's origin (an optional host permission; Chrome answers yes at once for
 * the loopback origins the manifest already has). Called first thing in the click, since
 * Chrome only asks the user while the click's gesture lasts.
 */
function allowServer(origin: string): Promise<boolean> {
  return browser.permissions.request({ origins: [`${origin}/*`] });
}

async function save(): Promise<void> {
  const origin = serverOrigin(serverInput.value);
  if (origin === null) {
    say('The server address must be an http:// or https:// address.');
    return;
  }
  if (!(await allowServer(origin))) {
    say(`Chrome did not allow the extension to reach ${origin}.`);
    return;
  }
  await saveSettings({ server: origin });
  const token = tokenInput.value.trim();
  if (token !== '') await saveSettings({ token });
  const code = codeInput.value.trim();
  if (code !== '') {
    const answer = await api({ server: origin, token: null }, 'POST', '/api/pair', { code });
    if (answer.status !== 200 || !isRecord(answer.body) || typeof answer.body.token !== 'string') {
      say(`Pairing failed: ${problemText(answer)}`);
      return;
    }
    await saveSettings({ token: answer.body.token });
    codeInput.value = '';
    say(`Paired as "${typeof answer.body.name === 'string' ? answer.body.name : 'token'}". Saved.`);
  } else {
    say('Saved.');
  }
  tokenInput.value = '';
  await browser.runtime.sendMessage({ type: 'flush' }).catch(() => undefined);
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  void save().catch((error: unknown) => say(`Could not save: ${String(error)}`));
});

void Promise.all([loadSettings(), browser.storage.local.get(['queue', 'refused'])]).then(
  ([settings, stored]) => {
    serverInput.value = settings.server;
    const waiting = Array.isArray(stored.queue) ? stored.queue.length : 0;
    const refused = Array.isArray(stored.refused) ? stored.refused.length : 0;
    say(
      `${settings.token === null ? 'Not paired yet.' : 'Paired.'}` +
        (waiting > 0 ? ` ${waiting} capture(s) wait for the server.` : '') +
        (refused > 0 ? ` ${refused} capture(s) were refused by the server.` : ''),
    );
  },
);
