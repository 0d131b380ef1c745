import { NavLink, Outlet, Link, useLocation } from 'react-router';
import { Suspense, useEffect } from 'react';
import { Icon, BrandMark, type IconName } from './Icon';
import { LangSwitch, Loading } from './ui';
import { useI18n, type MessageKey } from '../i18n';
import { useAuth, useMe } from '../auth/AuthContext';
import { initials, displayName } from '../lib/format';
import type { Me } from '../api/types';
import { ROLE_LABEL } from '../../core/access/roles';

interface NavItem {
  to: string;
  label: MessageKey;
  icon: IconName;
  end?: boolean;
  show?: (me: Me) => boolean;
}

/** Kader and bidan work in the field: the Posyandu and home visits come first for them. */
function fieldRole(me: Me): boolean {
  return me.role === 'kader' || me.role === 'bidan';
}

const MAIN: NavItem[] = [
  { to: '/', label: 'nav.home', icon: 'home', end: true },
  { to: '/posyandu', label: 'fw.nav.posyandu', icon: 'heart', show: (me) => fieldRole(me) },
  { to: '/home-visits', label: 'fw.nav.homeVisits', icon: 'households', show: (me) => fieldRole(me) },
  { to: '/due', label: 'fw.nav.due', icon: 'audit', show: (me) => me.role !== 'admin' },
  { to: '/areas', label: 'nav.areas', icon: 'map' },
  { to: '/households', label: 'nav.households', icon: 'users' },
  { to: '/search', label: 'nav.search', icon: 'search' },
  { to: '/facilities', label: 'nav.facilities', icon: 'facility' },
  { to: '/referrals', label: 'rec.nav.referrals', icon: 'move' },
  { to: '/kohort', label: 'rec.nav.kohort', icon: 'audit' },
  { to: '/pws', label: 'pws.nav', icon: 'places' },
  { to: '/sasaran', label: 'sas.nav', icon: 'users', show: (me) => me.role !== 'kader' },
  { to: '/protocol', label: 'rec.nav.protocol', icon: 'shield' },
];

const ADMIN: NavItem[] = [
  { to: '/admin/users', label: 'nav.users', icon: 'users', show: (me) => me.permissions.manageUsers },
  { to: '/admin/places', label: 'nav.places', icon: 'places', show: (me) => me.permissions.managePlaces },
  { to: '/admin/audit', label: 'nav.audit', icon: 'audit', show: (me) => me.permissions.viewAudit },
];

const BOTTOM: NavItem[] = [
  { to: '/', label: 'nav.home', icon: 'home', end: true },
  { to: '/areas', label: 'nav.areas', icon: 'map' },
  { to: '/households', label: 'nav.households', icon: 'users' },
  { to: '/search', label: 'nav.search', icon: 'search' },
  { to: '/menu', label: 'nav.more', icon: 'menu' },
];

/** The phone bar keeps five items: for kader and bidan, Posyandu and home visits replace Wilayah and Keluarga (now under "Lainnya"). */
const FIELD_BOTTOM: NavItem[] = [
  { to: '/', label: 'nav.home', icon: 'home', end: true },
  { to: '/posyandu', label: 'fw.nav.posyandu', icon: 'heart' },
  { to: '/home-visits', label: 'fw.nav.homeVisitsShort', icon: 'households' },
  { to: '/search', label: 'nav.search', icon: 'search' },
  { to: '/menu', label: 'nav.more', icon: 'menu' },
];

export function bottomItems(me: Me): NavItem[] {
  return fieldRole(me) ? FIELD_BOTTOM : BOTTOM;
}

/** Main entries the phone bar has no room for: the "Lainnya" page lists them. */
export function moreItems(me: Me): NavItem[] {
  const inBar = new Set(bottomItems(me).map((i) => i.to));
  return MAIN.filter((i) => (!i.show || i.show(me)) && !inBar.has(i.to));
}

export function adminItems(me: Me): NavItem[] {
  return ADMIN.filter((i) => !i.show || i.show(me));
}

export function Layout() {
  const { t, label } = useI18n();
  const me = useMe();
  const { logout } = useAuth();
  const location = useLocation();
  const admin = adminItems(me);
  const roleLabel = label(ROLE_LABEL[me.role]);

  useEffect(() => {
    window.scrollTo(0, 0);
  }, [location.pathname]);

  const placeName = me.facility ? me.facility.name : displayName(me.place.name);

  return (
    <div className="shell">
      <a href="#main" className="skip-link">
        {t('nav.skip')}
      </a>
      <header className="topbar">
        <Link to="/" className="brand" aria-label="Siklus">
          <svg className="brand-mark" viewBox="0 0 32 32" aria-hidden="true">
            <rect width="32" height="32" rx="8" fill="rgba(255,255,255,0.16)" />
            <path d="M16 7a9 9 0 1 0 9 9" fill="none" stroke="#fff" strokeWidth="3" strokeLinecap="round" />
            <circle cx="24" cy="10" r="2.6" fill="#f5c451" />
          </svg>
        </Link>
        <div className="topbar-place">
          <strong>{placeName}</strong>
          <span>
            {me.displayName} · {roleLabel}
          </span>
        </div>
        <LangSwitch />
      </header>

      <aside className="sidebar">
        <Link to="/" className="brand">
          <BrandMark />
          Siklus
        </Link>
        <nav aria-label={t('nav.main')}>
          {MAIN.filter((i) => !i.show || i.show(me)).map((i) => (
            <NavLink key={i.to} to={i.to} end={i.end}>
              <Icon name={i.icon} />
              {t(i.label)}
            </NavLink>
          ))}
          {admin.length > 0 && <div className="nav-section">{t('nav.admin')}</div>}
          {admin.map((i) => (
            <NavLink key={i.to} to={i.to}>
              <Icon name={i.icon} />
              {t(i.label)}
            </NavLink>
          ))}
        </nav>
        <div className="sidebar-foot">
          <Link to="/account" className="sidebar-user" title={t('nav.account')}>
            <span className="avatar" aria-hidden="true">
              {initials(me.displayName)}
            </span>
            <div className="sidebar-user-text">
              <strong>{me.displayName}</strong>
              <small>{roleLabel}</small>
              <small>{placeName}</small>
            </div>
          </Link>
          <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8 }}>
            <LangSwitch />
            <button type="button" className="btn btn-ghost btn-sm" onClick={() => void logout()}>
              <Icon name="logout" />
              {t('nav.logout')}
            </button>
          </div>
        </div>
      </aside>

      <main className="main" id="main" tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>

      <nav className="bottom-nav" aria-label={t('nav.main')}>
        {bottomItems(me).map((i) => (
          <NavLink key={i.to} to={i.to} end={i.end}>
            <Icon name={i.icon} />
            <span>{t(i.label)}</span>
          </NavLink>
        ))}
      </nav>
    </div>
  );
}
