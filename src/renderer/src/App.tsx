import { useCallback, useEffect, useState, type ComponentType } from 'react';
import { api, unwrap } from './api';
import { PAGES, type PageId } from './pages/routes';
import { useNav } from './stores/navStore';
import { usePrefs } from './stores/prefsStore';
import { StatusBar } from './components/StatusBar';
import { useWindowDrop } from './hooks/useWindowDrop';
import { useImports } from './stores/importStore';
import { ImportPage } from './pages/ImportPage';
import { RecordsPage } from './pages/RecordsPage';
import { ReviewPage } from './pages/ReviewPage';
import { DiscoverPage } from './pages/DiscoverPage';
import { TodayPage } from './pages/TodayPage';
import { QuotasPage } from './pages/QuotasPage';
import { TemplatesPage } from './pages/TemplatesPage';
import { SuppressionsPage } from './pages/SuppressionsPage';
import { ExportPage } from './pages/ExportPage';
import { SettingsPage } from './pages/SettingsPage';
import { DashboardPage } from './pages/DashboardPage';
import { AuditPage } from './pages/AuditPage';
import { RecoveryScreen } from './components/RecoveryScreen';
import { useStartup } from './hooks/useStartup';

const PAGE_COMPONENTS: Record<PageId, ComponentType> = {
  dashboard: DashboardPage,
  import: ImportPage,
  records: RecordsPage,
  review: ReviewPage,
  discover: DiscoverPage,
  today: TodayPage,
  quotas: QuotasPage,
  templates: TemplatesPage,
  suppressions: SuppressionsPage,
  export: ExportPage,
  audit: AuditPage,
  settings: SettingsPage,
};

/** The number of pairs waiting for review, shown on the Review tab and kept current. */
function useReviewCount(): number {
  const [count, setCount] = useState(0);
  useEffect(() => {
    const refresh = () =>
      void unwrap(api().review.count()).then(
        (c) => setCount(c.pending),
        () => undefined,
      );
    refresh();
    const offData = api().on('data.changed', refresh);
    const offJob = api().on('job', ({ type }) => {
      if (type === 'finished') refresh();
    });
    return () => {
      offData();
      offJob();
    };
  }, []);
  return count;
}

function Navigation() {
  const { page, go } = useNav();
  const reviewCount = useReviewCount();
  return (
    <nav className="nav" aria-label="Main">
      <div className="nav__brand">Prospect Desk</div>
      <ul>
        {PAGES.map((item) => (
          <li key={item.id}>
            <a
              href={`#/${item.id}`}
              className={item.id === page ? 'nav__link nav__link--active' : 'nav__link'}
              aria-current={item.id === page ? 'page' : undefined}
              data-testid={`nav-${item.id}`}
              onClick={(event) => {
                event.preventDefault();
                go(item.id);
              }}
            >
              {item.label}
              {item.id === 'review' && reviewCount > 0 && (
                <span className="nav__badge" data-testid="review-badge">
                  {reviewCount}
                </span>
              )}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function App() {
  const page = useNav((s) => s.page);
  const go = useNav((s) => s.go);
  const addPaths = useImports((s) => s.addPaths);
  const onFiles = useCallback(
    (paths: string[]) => {
      addPaths(paths);
      go('import');
    },
    [addPaths, go],
  );
  const dragging = useWindowDrop(onFiles);
  const { prefs, load } = usePrefs();
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    document.documentElement.dataset.theme = prefs?.theme ?? 'system';
    document.documentElement.dataset.density = prefs?.density ?? 'comfortable';
  }, [prefs?.theme, prefs?.density]);
  const startup = useStartup();
  const Current = PAGE_COMPONENTS[page];
  // Until the core says it opened the database, nothing that would fail is shown; when it could
  // not, the window says why and offers the backups.
  if (startup === null) return null;
  if (startup.state === 'failed') return <RecoveryScreen error={startup.error} />;
  return (
    <div className={dragging ? 'shell shell--dragging' : 'shell'}>
      <Navigation />
      <main className="main">
        <Current />
      </main>
      <StatusBar />
    </div>
  );
}
