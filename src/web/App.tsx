import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { I18nProvider, useI18n } from './i18n';
import { AuthProvider, useAuth } from './auth/AuthContext';
import { ToastProvider } from './components/Toast';
import { Layout } from './components/Layout';
import { Loading, Alert } from './components/ui';
import { LoginPage } from './pages/LoginPage';
import { HomePage } from './pages/HomePage';
import { AreaPage } from './pages/AreaPage';
import { FacilitiesPage } from './pages/FacilitiesPage';
import { FacilityPage } from './pages/FacilityPage';
import { FacilityFormPage } from './pages/FacilityFormPage';
import { HouseholdsPage } from './pages/HouseholdsPage';
import { HouseholdPage } from './pages/HouseholdPage';
import { HouseholdFormPage } from './pages/HouseholdFormPage';
import { PersonPage } from './pages/PersonPage';
import { PersonFormPage } from './pages/PersonFormPage';
import { PersonMovePage } from './pages/PersonMovePage';
import { SearchPage } from './pages/SearchPage';
import { MenuPage } from './pages/MenuPage';
import { AccountPage } from './pages/AccountPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { lazy, type ReactNode } from 'react';

// Administration pages load on first use: a kader's phone never downloads them.
const UsersPage = lazy(() => import('./pages/admin/UsersPage').then((m) => ({ default: m.UsersPage })));
const UserFormPage = lazy(() => import('./pages/admin/UserFormPage').then((m) => ({ default: m.UserFormPage })));
const PlacesPage = lazy(() => import('./pages/admin/PlacesPage').then((m) => ({ default: m.PlacesPage })));
const AuditPage = lazy(() => import('./pages/admin/AuditPage').then((m) => ({ default: m.AuditPage })));
// Field work (issue 4): the kader's and bidan's pages.
const RecordVisitPage = lazy(() => import('./pages/fieldwork/RecordVisitPage').then((m) => ({ default: m.RecordVisitPage })));
const PosyanduPage = lazy(() => import('./pages/fieldwork/PosyanduPage').then((m) => ({ default: m.PosyanduPage })));
const PosyanduSessionPage = lazy(() => import('./pages/fieldwork/PosyanduSessionPage').then((m) => ({ default: m.PosyanduSessionPage })));
const PosyanduPersonPage = lazy(() => import('./pages/fieldwork/PosyanduPersonPage').then((m) => ({ default: m.PosyanduPersonPage })));
const PosyanduSummaryPage = lazy(() => import('./pages/fieldwork/PosyanduSummaryPage').then((m) => ({ default: m.PosyanduSummaryPage })));
const DueListPage = lazy(() => import('./pages/fieldwork/DueListPage').then((m) => ({ default: m.DueListPage })));
const DuePrintPage = lazy(() => import('./pages/fieldwork/DuePrintPage').then((m) => ({ default: m.DuePrintPage })));
const HomeVisitsPage = lazy(() => import('./pages/fieldwork/HomeVisitsPage').then((m) => ({ default: m.HomeVisitsPage })));
const HomeVisitHouseholdPage = lazy(() => import('./pages/fieldwork/HomeVisitHouseholdPage').then((m) => ({ default: m.HomeVisitHouseholdPage })));
const ReferralsPage = lazy(() => import('./pages/referrals/ReferralsPage').then((m) => ({ default: m.ReferralsPage })));
const ReferralNewPage = lazy(() => import('./pages/referrals/ReferralNewPage').then((m) => ({ default: m.ReferralNewPage })));
const ReferralPage = lazy(() => import('./pages/referrals/ReferralPage').then((m) => ({ default: m.ReferralPage })));
const PersonRecordPage = lazy(() => import('./pages/record/PersonRecordPage').then((m) => ({ default: m.PersonRecordPage })));
// Kohort registers (issue 4).
const KohortPage = lazy(() => import('./pages/kohort/KohortPage').then((m) => ({ default: m.KohortPage })));
// PWS/SPM dashboards, maps and reports (issue 5).
const PwsDashboardPage = lazy(() => import('./pages/pws/PwsDashboardPage').then((m) => ({ default: m.PwsDashboardPage })));
const PwsPeoplePage = lazy(() => import('./pages/pws/PwsPeoplePage').then((m) => ({ default: m.PwsPeoplePage })));
const PwsReportsPage = lazy(() => import('./pages/pws/PwsReportsPage').then((m) => ({ default: m.PwsReportsPage })));
const SasaranPage = lazy(() => import('./pages/sasaran/SasaranPage').then((m) => ({ default: m.SasaranPage })));
const ProtocolPage = lazy(() => import('./pages/protocol/ProtocolPage').then((m) => ({ default: m.ProtocolPage })));

function RequireAuth({ children }: { children: ReactNode }) {
  const { status, refresh } = useAuth();
  const { t } = useI18n();
  const location = useLocation();
  if (status === 'loading') {
    return (
      <div className="auth-page">
        <Loading />
      </div>
    );
  }
  if (status === 'offline') {
    return (
      <div className="auth-page">
        <div className="auth-card">
          <Alert tone="warning" title={t('error.networkTitle')}>
            {t('error.network')}
          </Alert>
          <button type="button" className="btn btn-block" style={{ marginTop: 16 }} onClick={() => void refresh()}>
            {t('common.retry')}
          </button>
        </div>
      </div>
    );
  }
  if (status === 'anonymous') {
    const next = location.pathname + location.search;
    return <Navigate to={next && next !== '/' ? `/login?next=${encodeURIComponent(next)}` : '/login'} replace />;
  }
  return <>{children}</>;
}

export function App() {
  return (
    <I18nProvider>
      <AuthProvider>
        <ToastProvider>
          <BrowserRouter>
            <Routes>
              <Route path="/login" element={<LoginPage />} />
              <Route
                element={
                  <RequireAuth>
                    <Layout />
                  </RequireAuth>
                }
              >
                <Route index element={<HomePage />} />
                <Route path="areas" element={<AreaPage />} />
                <Route path="areas/:code" element={<AreaPage />} />
                <Route path="facilities" element={<FacilitiesPage />} />
                <Route path="facilities/new" element={<FacilityFormPage />} />
                <Route path="facilities/:id" element={<FacilityPage />} />
                <Route path="facilities/:id/edit" element={<FacilityFormPage />} />
                <Route path="households" element={<HouseholdsPage />} />
                <Route path="households/new" element={<HouseholdFormPage />} />
                <Route path="households/:id" element={<HouseholdPage />} />
                <Route path="households/:id/edit" element={<HouseholdFormPage />} />
                <Route path="people/new" element={<PersonFormPage />} />
                <Route path="people/:id" element={<PersonPage />} />
                <Route path="people/:id/edit" element={<PersonFormPage />} />
                <Route path="people/:id/move" element={<PersonMovePage />} />
                <Route path="search" element={<SearchPage />} />
                <Route path="menu" element={<MenuPage />} />
                <Route path="account" element={<AccountPage />} />
                <Route path="admin/users" element={<UsersPage />} />
                <Route path="admin/users/new" element={<UserFormPage />} />
                <Route path="admin/users/:id" element={<UserFormPage />} />
                <Route path="admin/places" element={<PlacesPage />} />
                <Route path="admin/audit" element={<AuditPage />} />
                <Route path="referrals" element={<ReferralsPage />} />
                <Route path="referrals/new" element={<ReferralNewPage />} />
                <Route path="referrals/:id" element={<ReferralPage />} />
                <Route path="people/:id/record" element={<PersonRecordPage />} />
                <Route path="protocol" element={<ProtocolPage />} />
                <Route path="kohort" element={<KohortPage />} />
                <Route path="sasaran" element={<SasaranPage />} />
                <Route path="pws" element={<PwsDashboardPage />} />
                <Route path="pws/people" element={<PwsPeoplePage />} />
                <Route path="pws/reports" element={<PwsReportsPage />} />
                <Route path="people/:id/visit" element={<RecordVisitPage />} />
                <Route path="posyandu" element={<PosyanduPage />} />
                <Route path="posyandu/:sessionId" element={<PosyanduSessionPage />} />
                <Route path="posyandu/:sessionId/people/:personId" element={<PosyanduPersonPage />} />
                <Route path="posyandu/:sessionId/summary" element={<PosyanduSummaryPage />} />
                <Route path="due" element={<DueListPage />} />
                <Route path="due/print" element={<DuePrintPage />} />
                <Route path="home-visits" element={<HomeVisitsPage />} />
                <Route path="home-visits/households/:id" element={<HomeVisitHouseholdPage />} />
                <Route path="*" element={<NotFoundPage />} />
              </Route>
            </Routes>
          </BrowserRouter>
        </ToastProvider>
      </AuthProvider>
    </I18nProvider>
  );
}
