import { lazy, Suspense, useState, type ReactNode } from 'react';
import { useEventStream } from './events.ts';
import { Link, parseRoute, usePath, type Route } from './router.tsx';
import { applyTheme, nextTheme, storedTheme, type Theme } from './theme.ts';
import { Inbox } from './views/inbox.tsx';

// The inbox is the landing view and ships in the main chunk; the rest load when opened.
const Posting = lazy(() => import('./views/posting.tsx'));
const Pipeline = lazy(() => import('./views/pipeline.tsx'));
const InsightsView = lazy(() => import('./views/insights.tsx'));
const Sources = lazy(() => import('./views/sources.tsx'));
const ProfileView = lazy(() => import('./views/profile.tsx'));
const Costs = lazy(() => import('./views/costs.tsx'));
const Settings = lazy(() => import('./views/settings.tsx'));

const NAV: { to: string; label: string; views: Route['view'][] }[] = [
  { to: '/inbox', label: 'Inbox', views: ['inbox', 'job'] },
  { to: '/pipeline', label: 'Pipeline', views: ['pipeline'] },
  { to: '/insights', label: 'Insights', views: ['insights'] },
  { to: '/sources', label: 'Sources', views: ['sources'] },
  { to: '/profile', label: 'Profile', views: ['profile'] },
  { to: '/costs', label: 'Costs', views: ['costs'] },
  { to: '/settings', label: 'Settings', views: ['settings'] },
];

const THEME_LABEL: Record<Theme, string> = { system: 'Auto', light: 'Light', dark: 'Dark' };

function View({ route }: { route: Route }): ReactNode {
  switch (route.view) {
    case 'inbox':
      return <Inbox />;
    case 'job':
      return <Posting id={route.id} />;
    case 'pipeline':
      return <Pipeline />;
    case 'insights':
      return <InsightsView />;
    case 'sources':
      return <Sources />;
    case 'profile':
      return <ProfileView />;
    case 'costs':
      return <Costs />;
    case 'settings':
      return <Settings />;
    case 'missing':
      return (
        <section className="page">
          <h1>Not found</h1>
          <p>
            Nothing lives at <code>{route.path}</code>. <Link to="/inbox">Back to the inbox</Link>
          </p>
        </section>
      );
  }
}

export function App(): ReactNode {
  const route = parseRoute(usePath());
  const [theme, setTheme] = useState<Theme>(storedTheme);
  const progress = useEventStream();
  const switchTheme = () => {
    const next = nextTheme(theme);
    applyTheme(next);
    setTheme(next);
  };
  return (
    <div className="shell">
      <a className="skip" href="#main">
        Skip to content
      </a>
      <nav className="nav" aria-label="Main">
        <span className="brand">ApplyDesk</span>
        <ul>
          {NAV.map((item) => (
            <li key={item.to}>
              <Link
                to={item.to}
                aria-current={item.views.includes(route.view) ? 'page' : undefined}
              >
                {item.label}
              </Link>
            </li>
          ))}
        </ul>
        <button
          type="button"
          className="theme"
          onClick={switchTheme}
          aria-label={`Colour theme: ${THEME_LABEL[theme]}. Switch to ${THEME_LABEL[nextTheme(theme)]}`}
        >
          {theme === 'dark' ? '☾' : theme === 'light' ? '☀' : '◐'} {THEME_LABEL[theme]}
        </button>
        {progress !== null && (
          <p className="progress" role="status">
            {progress.action}
            {progress.detail !== '' ? `: ${progress.detail}` : ''}
          </p>
        )}
      </nav>
      <main id="main" className="main">
        <Suspense fallback={<p className="muted pad">Loading…</p>}>
          <View route={route} />
        </Suspense>
      </main>
    </div>
  );
}
