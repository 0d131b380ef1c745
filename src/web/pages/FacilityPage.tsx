import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useAuth, useMe } from '../auth/AuthContext';
import { useI18n } from '../i18n';
import { useAsync } from '../lib/useAsync';
import { getFacility, setCoverage } from '../api/facilities';
import { ApiError } from '../api/client';
import { Alert, Badge, Breadcrumbs, Card, Empty, ErrorState, Loading, PageHeader, Stat, ListItem, useErrorText } from '../components/ui';
import { Icon } from '../components/Icon';
import { AreaPicker } from '../components/AreaPicker';
import { useToast } from '../components/Toast';
import { FacilityTable, areaHref } from './AreaPage';
import { FACILITY_LABEL, COVERAGE_LEVELS } from '../../core/facilities/types';
import { areaTypeLabel, displayName } from '../lib/format';
import type { Area } from '../api/types';

export function FacilityPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const { inScope } = useAuth();
  const { t, label, number } = useI18n();
  const toast = useToast();
  const errorText = useErrorText();
  const res = useAsync(() => getFacility(id), [id]);
  const [editingCoverage, setEditingCoverage] = useState(false);
  const [coverageDraft, setCoverageDraft] = useState<string[]>([]);
  const [pick, setPick] = useState('');
  const [coverageError, setCoverageError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (res.loading && !res.data) return <Loading />;
  if (res.error || !res.data) return <ErrorState error={res.error} onRetry={res.reload} />;
  const { facility: f, parent, children, coverage, counts } = res.data;
  const canManage = me.permissions.managePlaces && inScope(f.areaCode);
  const coverageLevels = COVERAGE_LEVELS[f.type];

  async function saveCoverage() {
    setBusy(true);
    setCoverageError(null);
    try {
      const d = await setCoverage(f.id, coverageDraft);
      res.setData(d);
      setEditingCoverage(false);
      toast(t('common.saved'));
    } catch (e) {
      setCoverageError(e instanceof ApiError && e.fields.coverage ? e.fields.coverage : errorText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="page">
      <PageHeader
        crumbs={<Breadcrumbs items={[{ label: t('nav.facilities'), to: '/facilities' }, { label: f.name }]} />}
        eyebrow={label(FACILITY_LABEL[f.type])}
        title={f.name}
        sub={f.areaName ? `${displayName(f.areaName)}${f.code ? ` · ${f.code}` : ''}` : f.code}
        badges={f.active === false ? <Badge tone="danger">{t('common.inactive')}</Badge> : undefined}
        actions={
          canManage ? (
            <Link className="btn btn-secondary" to={`/facilities/${f.id}/edit`}>
              <Icon name="edit" />
              {t('common.edit')}
            </Link>
          ) : undefined
        }
      />

      <div className="stats">
        <Stat label={t('common.households')} value={number(counts.households ?? 0)} note={t('facility.inCoverage')} />
        <Stat label={t('common.people')} value={number(counts.people ?? 0)} note={t('facility.inCoverage')} />
        <Stat label={t('facility.childrenTitle')} value={number(children.length)} />
        {counts.users !== undefined && <Stat label={t('facility.users')} value={number(counts.users)} />}
      </div>

      <div className="grid-2">
        <Card title={t('facility.details')}>
          <dl className="dl">
            <div>
              <dt>{t('facility.type')}</dt>
              <dd>{label(FACILITY_LABEL[f.type])}</dd>
            </div>
            <div>
              <dt>{t('facility.code')}</dt>
              <dd className="mono">{f.code ?? '–'}</dd>
            </div>
            <div>
              <dt>{t('facility.area')}</dt>
              <dd>{inScope(f.areaCode) ? <Link to={areaHref(f.areaCode)}>{displayName(f.areaName ?? f.areaCode)}</Link> : displayName(f.areaName ?? f.areaCode)}</dd>
            </div>
            <div>
              <dt>{t('facility.parent')}</dt>
              <dd>{parent ? <Link to={`/facilities/${parent.id}`}>{parent.name}</Link> : '–'}</dd>
            </div>
            <div>
              <dt>{t('facility.address')}</dt>
              <dd>{f.address || '–'}</dd>
            </div>
            <div>
              <dt>{t('facility.phone')}</dt>
              <dd>{f.phone ? <a href={`tel:${f.phone}`}>{f.phone}</a> : '–'}</dd>
            </div>
          </dl>
        </Card>

        <Card
          title={t('facility.coverage')}
          count={coverage.length}
          actions={
            canManage && coverageLevels.length > 0 && !editingCoverage ? (
              <button
                type="button"
                className="btn btn-secondary btn-sm"
                onClick={() => {
                  setCoverageDraft(coverage.map((c) => c.code));
                  setEditingCoverage(true);
                }}
              >
                <Icon name="edit" />
                {t('facility.editCoverage')}
              </button>
            ) : undefined
          }
        >
          {editingCoverage ? (
            <CoverageEditor
              draft={coverageDraft}
              setDraft={setCoverageDraft}
              known={coverage}
              pick={pick}
              setPick={setPick}
              rootCode={f.areaCode}
              levels={coverageLevels}
              error={coverageError}
              busy={busy}
              onCancel={() => setEditingCoverage(false)}
              onSave={() => void saveCoverage()}
            />
          ) : coverage.length ? (
            <ul className="list">
              {coverage.map((c) => (
                <ListItem
                  key={c.code}
                  to={inScope(c.code) ? areaHref(c.code) : undefined}
                  title={displayName(c.name)}
                  meta={`${areaTypeLabel(t, c.level, c.kind)} · ${c.code}`}
                />
              ))}
            </ul>
          ) : (
            <Empty title={t('facility.noCoverage')} icon="map" />
          )}
        </Card>

        <Card flush title={t('facility.childrenTitle')} count={children.length} className="span-2">
          {children.length ? <FacilityTable items={children} /> : <Empty title={t('facility.noChildren')} icon="facility" />}
        </Card>
      </div>
    </div>
  );
}

function CoverageEditor({ draft, setDraft, known, pick, setPick, rootCode, levels, error, busy, onCancel, onSave }: {
  draft: string[];
  setDraft: (d: string[]) => void;
  known: Area[];
  pick: string;
  setPick: (c: string) => void;
  rootCode: string;
  levels: readonly string[];
  error: string | null;
  busy: boolean;
  onCancel: () => void;
  onSave: () => void;
}) {
  const { t } = useI18n();
  const [names, setNames] = useState<Record<string, string>>(() => Object.fromEntries(known.map((k) => [k.code, k.name])));
  return (
    <div className="form">
      {error && <Alert tone="error">{error}</Alert>}
      <ul className="list">
        {draft.map((c) => (
          <li className="list-item" key={c}>
            <div className="list-item-main">
              <strong>{displayName(names[c] ?? c)}</strong>
              <span className="list-item-meta mono">{c}</span>
            </div>
            <button type="button" className="btn btn-ghost btn-sm" onClick={() => setDraft(draft.filter((x) => x !== c))} aria-label={t('common.remove')}>
              <Icon name="x" />
            </button>
          </li>
        ))}
      </ul>
      <AreaPicker
        label={t('facility.addCoverage')}
        name="coverage"
        value={pick}
        onChange={(code, a) => {
          setPick(code);
          if (a) setNames((n) => ({ ...n, [code]: a.name }));
        }}
        rootCode={rootCode.split('.').slice(0, 2).join('.')}
        selectableLevels={levels}
      />
      <div className="form-actions">
        <button type="button" className="btn btn-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button
          type="button"
          className="btn btn-secondary"
          disabled={!pick || draft.includes(pick)}
          onClick={() => {
            setDraft([...draft, pick]);
            setPick('');
          }}
        >
          <Icon name="plus" />
          {t('common.add')}
        </button>
        <button type="button" className="btn" disabled={busy} onClick={onSave}>
          {busy ? t('common.saving') : t('common.save')}
        </button>
      </div>
    </div>
  );
}
