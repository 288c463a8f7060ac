import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { apiToken } from './api.ts';

/** Which cached answers each streamed event type makes stale. */
const STALE: Record<string, string[][]> = {
  job: [['jobs'], ['job'], ['insights']],
  score: [['jobs'], ['job'], ['insights']],
  draft: [['job'], ['insights'], ['costs']],
  stage: [['applications'], ['history'], ['jobs'], ['job'], ['insights']],
  source: [['sources']],
  profile: [['profile'], ['jobs'], ['job']],
  progress: [['sources']],
};

export interface Progress {
  action: string;
  detail: string;
}

/**
 * Follows GET /api/events/stream and marks queries stale as things change elsewhere (a
 * scheduled ingest, the CLI). Invalidations are batched per second so a long run does not
 * refetch on every event. A server without the stream leaves the dashboard as it is: it still
 * works, just without live updates.
 */
export function useEventStream(): Progress | null {
  const client = useQueryClient();
  const [progress, setProgress] = useState<Progress | null>(null);
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const token = apiToken();
    // EventSource cannot send an Authorization header; the stream takes the token in its address.
    const source = new EventSource(
      token === null
        ? '/api/events/stream'
        : `/api/events/stream?access_token=${encodeURIComponent(token)}`,
    );
    const pending = new Set<string>();
    let timer: ReturnType<typeof setTimeout> | null = null;
    const flush = (queryClient: QueryClient) => {
      timer = null;
      for (const key of pending) void queryClient.invalidateQueries({ queryKey: [key] });
      pending.clear();
    };
    const on = (type: string) => (event: MessageEvent<string>) => {
      for (const [key] of STALE[type] ?? []) if (key !== undefined) pending.add(key);
      timer ??= setTimeout(() => flush(client), 1000);
      if (type === 'progress' || type === 'source') {
        try {
          const data = JSON.parse(event.data) as {
            action?: string;
            data?: Record<string, unknown>;
          };
          const detail = Object.entries(data.data ?? {})
            .filter(([, v]) => typeof v === 'number' || typeof v === 'string')
            .slice(0, 4)
            .map(([k, v]) => `${k} ${String(v)}`)
            .join(', ');
          setProgress({ action: data.action ?? type, detail });
        } catch {
          // A malformed event is skipped; the next one says the same.
        }
      }
    };
    const handlers = Object.keys(STALE).map((type) => [type, on(type)] as const);
    for (const [type, handler] of handlers) source.addEventListener(type, handler);
    // A 404 or a wrong content type closes the stream for good: nothing to report.
    source.onerror = () => undefined;
    return () => {
      for (const [type, handler] of handlers) source.removeEventListener(type, handler);
      source.close();
      if (timer !== null) clearTimeout(timer);
    };
  }, [client]);
  return progress;
}
