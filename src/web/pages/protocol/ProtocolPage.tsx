import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useMe } from '../../auth/AuthContext';
import { useI18n } from '../../i18n';
import { useAsync } from '../../lib/useAsync';
import { getProtocol, type ProtocolResponse } from '../../api/protocol';
import { Alert, Badge, ErrorState, Loading, PageHeader } from '../../components/ui';
import { AreaPicker } from '../../components/AreaPicker';
import { kabCodeOf } from '../../../core/areas/codes';
import { CatalogueView } from './CatalogueView';
import { CutoffsView, StagesView, StatusesView } from './ReferenceViews';
import { SettingsEditor, canEditSettings } from './SettingsEditor';

const TABS = ['items', 'stages', 'cutoffs', 'statuses', 'settings'] as const;
type Tab = (typeof TABS)[number];

/**
 * The ILP protocol as the engine runs it (issue 3 item 8): every item with
 * its window, target group, place and sources, the stage definitions, the
 * cut-off tables and status definitions, under the district's settings; and
 * for Dinkes/admin the district settings editor.
 */
export function ProtocolPage() {
  const me = useMe();
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const ownKab = kabCodeOf(me.place.code);
  const [kab, setKab] = useState<string | null>(params.get('kab') ?? ownKab);
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'items';
  const res = useAsync(() => getProtocol(kab), [kab]);

  function go(next: Tab) {
    const p = new URLSearchParams(params);
    if (next === 'items') p.delete('tab');
    else p.set('tab', next);
    setParams(p, { replace: true });
  }

  return (
    <div className="page">
      <PageHeader
        eyebrow={t('proto.eyebrow')}
        title={t('proto.title')}
        sub={t('proto.sub')}
        badges={res.data ? <HeaderBadges data={res.data} /> : undefined}
      />

      {!ownKab && (
        <div className="card">
          <AreaPicker
            label={t('proto.pickKab')}
            name="kab"
            value={kab ?? ''}
            rootCode={me.place.code}
            selectableLevels={['regency']}
            onChange={(code) => {
              setKab(code || null);
              const p = new URLSearchParams(params);
              if (code) p.set('kab', code);
              else p.delete('kab');
              setParams(p, { replace: true });
            }}
            hint={t('proto.pickKabHint')}
          />
        </div>
      )}

      <div className="tabs tabs-wrap" role="tablist" aria-label={t('proto.title')}>
        {TABS.map((x) => (
          <button key={x} type="button" role="tab" aria-selected={tab === x} onClick={() => go(x)} data-testid={`proto-tab-${x}`}>
            {t(`proto.tab.${x}`)}
          </button>
        ))}
      </div>

      {res.error ? (
        <ErrorState error={res.error} onRetry={res.reload} />
      ) : !res.data ? (
        <Loading />
      ) : (
        <ProtocolBody data={res.data} tab={tab} kab={kab} onSaved={(d) => res.setData(d)} canEdit={!!kab && canEditSettings(me, kab)} />
      )}
    </div>
  );
}

function HeaderBadges({ data }: { data: ProtocolResponse }) {
  const { t, number } = useI18n();
  const unconfirmed = data.items.filter((i) => i.unconfirmed).length;
  return (
    <>
      <Badge tone="primary">{t('proto.version', { v: data.protocolVersion })}</Badge>
      <Badge>{t('proto.itemCount', { n: number(data.items.length) })}</Badge>
      <Badge tone="warning">{t('proto.unconfirmedCount', { n: number(unconfirmed) })}</Badge>
      {data.changedSettings.length > 0 ? (
        <Badge tone="info">{t('proto.changedCount', { n: number(data.changedSettings.length) })}</Badge>
      ) : (
        <Badge tone="success">{t('proto.nationalDefaults')}</Badge>
      )}
    </>
  );
}

function ProtocolBody({ data, tab, kab, canEdit, onSaved }: { data: ProtocolResponse; tab: Tab; kab: string | null; canEdit: boolean; onSaved: (d: ProtocolResponse) => void }) {
  const { t } = useI18n();
  const changedNote = useMemo(
    () => data.settings.filter((s) => s.changed).map((s) => s.path),
    [data],
  );
  return (
    <>
      {tab !== 'settings' && changedNote.length > 0 && (
        <Alert tone="info">{t('proto.changedNote', { n: changedNote.length })}</Alert>
      )}
      {tab === 'items' && <CatalogueView data={data} />}
      {tab === 'stages' && <StagesView data={data} />}
      {tab === 'cutoffs' && <CutoffsView data={data} />}
      {tab === 'statuses' && <StatusesView data={data} />}
      {tab === 'settings' && <SettingsEditor data={data} kab={kab} canEdit={canEdit} onSaved={onSaved} />}
    </>
  );
}
