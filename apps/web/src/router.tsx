import { useSyncExternalStore, type MouseEvent, type ReactNode } from 'react';

// A router small enough to read: the path is the state, history.pushState changes it, and
// every subscriber re-renders on popstate or on our own navigations.
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

export function navigate(path: string): void {
  if (path === window.location.pathname) return;
  window.history.pushState(null, '', path);
  for (const listener of listeners) listener();
  window.scrollTo(0, 0);
}

export function usePath(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}

export type Route =
  | { view: 'inbox' }
  | { view: 'job'; id: string }
  | { view: 'pipeline' }
  | { view: 'insights' }
  | { view: 'sources' }
  | { view: 'profile' }
  | { view: 'costs' }
  | { view: 'settings' }
  | { view: 'missing'; path: string };

export function parseRoute(path: string): Route {
  if (path === '/' || path === '/inbox') return { view: 'inbox' };
  const job = /^\/jobs\/([^/]+)$/.exec(path);
  if (job?.[1] !== undefined) return { view: 'job', id: decodeURIComponent(job[1]) };
  switch (path) {
    case '/pipeline':
      return { view: 'pipeline' };
    case '/insights':
      return { view: 'insights' };
    case '/sources':
      return { view: 'sources' };
    case '/profile':
      return { view: 'profile' };
    case '/costs':
      return { view: 'costs' };
    case '/settings':
      return { view: 'settings' };
    default:
      return { view: 'missing', path };
  }
}

/** An ordinary link that navigates in place; modified clicks still open a new tab. */
export function Link(props: {
  to: string;
  children: ReactNode;
  className?: string;
  'aria-current'?: 'page' | undefined;
  draggable?: boolean;
}): ReactNode {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
      return;
    event.preventDefault();
    navigate(props.to);
  };
  return (
    <a
      href={props.to}
      onClick={onClick}
      className={props.className}
      aria-current={props['aria-current']}
      draggable={props.draggable}
    >
      {props.children}
    </a>
  );
}
