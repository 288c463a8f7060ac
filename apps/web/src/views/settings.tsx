import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { api, apiToken, errorText, setApiToken } from '../api.ts';

export default function Settings(): ReactNode {
  const client = useQueryClient();
  const health = useQuery({ queryKey: ['health'], queryFn: api.health });
  const [token, setToken] = useState(apiToken() ?? '');
  const [saved, setSaved] = useState(false);
  return (
    <section className="page" aria-labelledby="settings-title">
      <h1 id="settings-title">Settings</h1>
      <h2>Server</h2>
      {health.isPending && <p className="muted">Loading…</p>}
      {health.isError && <p role="alert">{errorText(health.error)}</p>}
      {health.data !== undefined && (
        <dl className="facts wide">
          <div>
            <dt>Status</dt>
            <dd>{health.data.status}</dd>
          </div>
          <div>
            <dt>Version</dt>
            <dd>{health.data.version}</dd>
          </div>
          <div>
            <dt>Database</dt>
            <dd>
              {health.data.database.dialect} (schema {health.data.database.schemaVersion})
            </dd>
          </div>
        </dl>
      )}
      <p className="muted small">
        Settings live in applydesk.yaml on the server; `applydesk doctor` checks them.
      </p>
      <h2>API token</h2>
      <p className="muted small">
        Needed only when the server asks for one (bound beyond loopback, or server.auth: required).
        It is kept in this browser. Live updates need no token, so they are off while one is set.
      </p>
      <form
        className="write"
        onSubmit={(e) => {
          e.preventDefault();
          setApiToken(token.trim());
          setSaved(true);
          void client.invalidateQueries();
        }}
      >
        <label>
          Token{' '}
          <input
            type="password"
            autoComplete="off"
            value={token}
            onChange={(e) => {
              setToken(e.target.value);
              setSaved(false);
            }}
            size={40}
          />
        </label>
        <button type="submit">Save</button>
        {saved && <span role="status">Saved.</span>}
      </form>
    </section>
  );
}
