import { browser } from 'wxt/browser';
import { attempt, problemText } from '../../lib/api.js';
import { loadSettings, saveSettings, serverOrigin } from '../../lib/settings.js';

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
    // Pairing needs no token: the code is the proof.
    const answer = await attempt({ server: origin, token: null }, (client) => client.pair(code));
    if (!answer.ok) {
      say(`Pairing failed: ${problemText(answer)}`);
      return;
    }
    await saveSettings({ token: answer.value.token });
    codeInput.value = '';
    say(`Paired as "${answer.value.name}". Saved.`);
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
