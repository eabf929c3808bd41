import { lazy, Suspense, useEffect } from 'react';
import { Link, Navigate, NavLink, Route, Routes, useLocation } from 'react-router-dom';
import { useI18n } from '../shared/i18n';
import { ChunkBoundary } from './components/ChunkBoundary';
import { useTitle } from './lib/focus';
import ProgressPage from './pages/ProgressPage';
import ReceiptPage from './pages/ReceiptPage';
import ReportPage from './pages/ReportPage';

/** The grid workers' pages load only when opened: they are not part of the public page's download. */
const FieldApp = lazy(() => import('./field/FieldApp'));
/** 一公开 of the double-random inspections, also its own chunk. */
const InspectionsPage = lazy(() => import('./pages/InspectionsPage'));

export function App() {
  const { locale } = useI18n();
  const path = useLocation().pathname;
  const field = path.startsWith('/field');
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        <SkipText />
      </a>
      <Header field={field} inspection={path.startsWith('/field/tasks')} />
      <main id="main" className="column">
        <ChunkBoundary resetKey={path}>
          <Suspense fallback={<Loading />}>
            <Routes>
              <Route path="/" element={<ReportPage />} />
              <Route path="/report" element={<ToReport />} />
              <Route path="/receipt/:code" element={<ReceiptPage />} />
              <Route path="/progress" element={<ProgressPage />} />
              <Route path="/progress/:code" element={<ProgressPage />} />
              <Route path="/inspections" element={<InspectionsPage />} />
              <Route path="/field/*" element={<FieldApp />} />
              <Route path="*" element={<NotFound />} />
            </Routes>
          </Suspense>
        </ChunkBoundary>
      </main>
    </div>
  );
}

/** /report?bounty=<id> (a bounty notice's link) is the report page at /, with its query. */
function ToReport() {
  const { search } = useLocation();
  return <Navigate to={{ pathname: '/', search }} replace />;
}

function SkipText() {
  const { t } = useI18n();
  return <>{t('nav.skip')}</>;
}

function Header({ field, inspection }: { field: boolean; inspection: boolean }) {
  const { t, locale, setLocale } = useI18n();
  const other = locale === 'en' ? 'zh-CN' : 'en';
  return (
    <header className="header">
      <div className="column header-row">
        <Link to={inspection ? '/field/tasks' : field ? '/field' : '/'} className="brand">
          <span className="brand-mark" aria-hidden="true">
            {t('app.mark')}
          </span>
          <span>{t(inspection ? 'app.inspectionName' : field ? 'app.fieldName' : 'app.name')}</span>
        </Link>
        <button
          type="button"
          className="language"
          lang={other}
          onClick={() => setLocale(other)}
          aria-label={t('nav.languageLabel')}
          data-testid="language-switch"
        >
          {t('nav.language')}
        </button>
      </div>
      {!field && (
        <nav className="column tabs" aria-label={t('nav.label')}>
          <NavLink to="/" end className="tab">
            {t('nav.report')}
          </NavLink>
          <NavLink to="/progress" className="tab">
            {t('nav.progress')}
          </NavLink>
          <NavLink to="/inspections" className="tab" data-testid="nav-inspections">
            {t('nav.inspections')}
          </NavLink>
        </nav>
      )}
    </header>
  );
}

function Loading() {
  const { t } = useI18n();
  return (
    <p className="page center" role="status">
      {t('nav.loading')}
    </p>
  );
}

function NotFound() {
  const { t } = useI18n();
  useTitle('nav.notFound');
  return (
    <div className="page center">
      <h1>{t('nav.notFound')}</h1>
      <Link to="/">{t('nav.home')}</Link>
    </div>
  );
}
