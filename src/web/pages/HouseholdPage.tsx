import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMe } from '../auth/AuthContext';
import { useI18n } from '../i18n';
import { useAsync } from '../lib/useAsync';
import { getHousehold, householdHistory } from '../api/households';
import { Breadcrumbs, Card, Empty, ErrorState, Loading, PageHeader, ErrorState as InlineError } from '../components/ui';
import { Icon } from '../components/Icon';
import { PeopleTable } from '../components/PeopleTable';
import { ChangeList } from '../components/ChangeList';
import { useAreaCrumbs } from './AreaPage';
import { areaTypeLabel, displayName, groupDigits, rtRwLabel } from '../lib/format';
import type { Area, PersonSummary } from '../api/types';
import { RELATIONSHIPS } from '../../core/people/household';

export function Lineage({ areas, testId }: { areas: Area[]; testId?: string }) {
  const { t } = useI18n();
  const shown = areas.filter((a) => a.level !== 'country');
  return (
    <ol className="lineage" data-testid={testId}>
      {shown.map((a) => (
        <li key={a.code}>
          <span>{areaTypeLabel(t, a.level, a.kind)}</span>
          <strong>{displayName(a.name)}</strong>
        </li>
      ))}
    </ol>
  );
}

export function HouseholdPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const { t } = useI18n();
  const crumbs = useAreaCrumbs();
  const res = useAsync(() => getHousehold(id), [id]);
  const [showHistory, setShowHistory] = useState(false);
  const history = useAsync(() => (showHistory ? householdHistory(id) : Promise.resolve(null)), [id, showHistory]);

  if (res.loading && !res.data) return <Loading />;
  if (res.error || !res.data) return <ErrorState error={res.error} onRetry={res.reload} />;
  const { household: h, members, lineage } = res.data;
  const ancestors = lineage.slice(0, -1);
  const here = lineage[lineage.length - 1];
  // As on the KK: the head first, then spouse, children, … (oldest first within each).
  const rank = (m: PersonSummary) => (m.relationship ? RELATIONSHIPS.indexOf(m.relationship) : RELATIONSHIPS.length);
  const byKk = (a: PersonSummary, b: PersonSummary) => rank(a) - rank(b) || a.birthDate.localeCompare(b.birthDate);
  const alive = members.filter((m) => m.status === 'alive').sort(byKk);
  const others = members.filter((m) => m.status !== 'alive').sort(byKk);
  const title = h.headName ? t('household.titleOf', { name: h.headName }) : t('household.title');
  const rtrw = rtRwLabel(h.rt, h.rw, h.dusun);

  return (
    <div className="page">
      <PageHeader
        crumbs={<Breadcrumbs items={[...crumbs(ancestors, here), { label: title }]} />}
        eyebrow={t('household.eyebrow')}
        title={title}
        sub={
          <span className="kv-inline">
            <span>
              {t('household.kk')} <b className="id-number">{h.kkNumber ? groupDigits(h.kkNumber) : t('household.noKk')}</b>
            </span>
            {rtrw && <span>{rtrw}</span>}
            {h.villageName && <span>{displayName(h.villageName)}</span>}
          </span>
        }
        actions={
          me.permissions.editRegistry ? (
            <>
              <Link className="btn btn-secondary" to={`/households/${h.id}/edit`} data-testid="edit-household">
                <Icon name="edit" />
                {t('household.edit')}
              </Link>
              <Link className="btn" to={`/people/new?household=${h.id}`} data-testid="add-member">
                <Icon name="plus" />
                {t('household.addMember')}
              </Link>
            </>
          ) : undefined
        }
      />

      <Card flush title={t('household.members')} count={alive.length}>
        {members.length ? (
          <PeopleTable people={[...alive, ...others]} testId="member-table" />
        ) : (
          <Empty title={t('household.noMembers')} icon="users">
            {me.permissions.editRegistry ? t('household.noMembersHint') : null}
          </Empty>
        )}
      </Card>

      <div className="grid-2">
        <Card title={t('household.addressTitle')}>
          <dl className="dl" style={{ marginBottom: 16 }}>
            <div>
              <dt>{t('household.address')}</dt>
              <dd>{h.address || '–'}</dd>
            </div>
            <div>
              <dt>{t('household.rtRw')}</dt>
              <dd>{rtrw || '–'}</dd>
            </div>
          </dl>
          <Lineage areas={lineage} testId="household-lineage" />
        </Card>
        <Card
          title={t('history.title')}
          actions={
            !showHistory ? (
              <button type="button" className="btn btn-secondary btn-sm" onClick={() => setShowHistory(true)}>
                <Icon name="history" />
                {t('history.show')}
              </button>
            ) : undefined
          }
        >
          {!showHistory ? (
            <p className="small muted">{t('history.hint')}</p>
          ) : history.error ? (
            <InlineError error={history.error} onRetry={history.reload} />
          ) : history.loading || !history.data ? (
            <Loading />
          ) : (
            <ChangeList changes={history.data.changes} />
          )}
        </Card>
      </div>
    </div>
  );
}
