import { useAuth, useMe } from '../auth/AuthContext';
import { useI18n } from '../i18n';
import { Card, LangSwitch, ListItem, PageHeader } from '../components/ui';
import { Icon } from '../components/Icon';
import { adminItems, moreItems } from '../components/Layout';
import { ROLE_LABEL } from '../../core/access/roles';
import { displayName } from '../lib/format';

/** "Lainnya" on phones: everything the bottom bar has no room for. */
export function MenuPage() {
  const me = useMe();
  const { logout } = useAuth();
  const { t, label } = useI18n();
  const admin = adminItems(me);
  return (
    <div className="page">
      <PageHeader title={t('nav.more')} />
      <Card>
        <ul className="list menu-list">
          <ListItem to="/account" title={me.displayName} meta={`${label(ROLE_LABEL[me.role])} · ${me.facility?.name ?? displayName(me.place.name)}`} />
          {moreItems(me).map((i) => (
            <ListItem key={i.to} to={i.to} title={t(i.label)} />
          ))}
        </ul>
      </Card>
      {admin.length > 0 && (
        <Card title={t('nav.admin')}>
          <ul className="list menu-list">
            {admin.map((i) => (
              <ListItem key={i.to} to={i.to} title={t(i.label)} />
            ))}
          </ul>
        </Card>
      )}
      <Card>
        <div className="section-head">
          <span style={{ fontWeight: 600 }}>{t('common.language')}</span>
          <LangSwitch />
        </div>
      </Card>
      <button type="button" className="btn btn-danger-outline btn-block" onClick={() => void logout()}>
        <Icon name="logout" />
        {t('nav.logout')}
      </button>
    </div>
  );
}
