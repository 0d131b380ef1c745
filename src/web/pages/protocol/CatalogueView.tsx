import { useMemo, useState } from 'react';
import { useI18n } from '../../i18n';
import { useDebounced } from '../../lib/useAsync';
import type { ItemDescription, ProtocolResponse } from '../../api/protocol';
import { Badge, Card, Empty } from '../../components/ui';
import { SelectField, TextField } from '../../components/Field';
import { placeKindLabel, providerLabel } from '../record/words';
import { SourceList, UnconfirmedMark } from './SourceList';
import { settingOfField } from './settings-form';

/** The catalogue grouped by programme, with filters by stage and programme and a text search. */
export function CatalogueView({ data }: { data: ProtocolResponse }) {
  const { t, label, locale, number } = useI18n();
  const [stage, setStage] = useState('');
  const [programme, setProgramme] = useState('');
  const [q, setQ] = useState('');
  const [onlyUnconfirmed, setOnlyUnconfirmed] = useState(false);
  const query = useDebounced(q.trim().toLowerCase(), 150);

  const stageLabel = useMemo(() => new Map(data.stages.map((s) => [s.id, s.label])), [data]);
  const settingLabel = useMemo(() => new Map(data.settings.map((s) => [s.path, s.label])), [data]);
  const settingPaths = useMemo(() => data.settings.map((s) => s.path), [data]);
  /** Stages that have items, in the order of the stage definitions. */
  const stagesWithItems = useMemo(() => data.stages.filter((s) => data.items.some((i) => i.stage === s.id)), [data]);

  const matches = (i: ItemDescription) => {
    if (stage && i.stage !== stage) return false;
    if (programme && i.programme !== programme) return false;
    if (onlyUnconfirmed && !i.unconfirmed) return false;
    if (!query) return true;
    const hay = [i.id, i.label[locale], i.window[locale], i.who[locale], i.note?.[locale] ?? '', ...i.sources.map((s) => `${s.key} ${s.clause}`)]
      .join(' ')
      .toLowerCase();
    return query.split(/\s+/).every((w) => hay.includes(w));
  };
  const shown = data.items.filter(matches);
  const groups = data.programmes.map((p) => ({ ...p, items: shown.filter((i) => i.programme === p.id) })).filter((g) => g.items.length > 0);
  const filtered = !!(stage || programme || query || onlyUnconfirmed);

  return (
    <div className="section">
      <div className="card">
        <div className="filters proto-filters">
          <TextField filter label={t('common.search')} name="q" type="search" value={q} onValue={setQ} placeholder={t('proto.searchPlaceholder')} />
          <SelectField
            filter
            label={t('proto.stage')}
            name="stage"
            value={stage}
            onValue={setStage}
            placeholder={t('common.all')}
            options={stagesWithItems.map((s) => ({ value: s.id, label: label(s.label) }))}
          />
          <SelectField
            filter
            label={t('proto.programme')}
            name="programme"
            value={programme}
            onValue={setProgramme}
            placeholder={t('common.all')}
            options={data.programmes.map((p) => ({ value: p.id, label: label(p.label) }))}
          />
          <label className="check" style={{ alignSelf: 'end' }}>
            <input type="checkbox" checked={onlyUnconfirmed} onChange={(e) => setOnlyUnconfirmed(e.target.checked)} name="unconfirmed" />
            <span>{t('proto.onlyUnconfirmed')}</span>
          </label>
        </div>
        <p className="small muted" style={{ marginTop: 8 }} data-testid="proto-count">
          {t('proto.showingItems', { n: number(shown.length), total: number(data.items.length) })}
          {filtered && (
            <>
              {' · '}
              <button
                type="button"
                className="linkbtn"
                onClick={() => {
                  setStage('');
                  setProgramme('');
                  setQ('');
                  setOnlyUnconfirmed(false);
                }}
              >
                {t('common.clearFilters')}
              </button>
            </>
          )}
        </p>
      </div>

      {groups.length === 0 && (
        <div className="card">
          <Empty title={t('proto.noItems')} />
        </div>
      )}

      {groups.map((g) => (
        <Card key={g.id} title={label(g.label)} count={g.items.length} className="proto-programme" id={`programme-${g.id}`}>
          <ul className="proto-items" data-testid={`programme-${g.id}`}>
            {g.items.map((i) => (
              <li key={i.id} className="proto-item" data-testid={`item-${i.id}`}>
                <div className="proto-item-head">
                  <h3>
                    {label(i.label)}
                    {i.unconfirmed && <UnconfirmedMark />}
                  </h3>
                  <div className="badges">
                    <Badge tone="primary">{label(stageLabel.get(i.stage))}</Badge>
                    {i.gate && !i.gate.on && <span className="badge badge-warning badge-wrap">{t('proto.gateOff', { setting: label(settingLabel.get(i.gate.setting)) })}</span>}
                    <code className="proto-id">{i.id}</code>
                  </div>
                </div>
                <dl className="proto-facts">
                  <div>
                    <dt>{t('proto.window')}</dt>
                    <dd>{label(i.window)}</dd>
                  </div>
                  <div>
                    <dt>{t('proto.who')}</dt>
                    <dd>{label(i.who)}</dd>
                  </div>
                  <div>
                    <dt>{t('proto.where')}</dt>
                    <dd>
                      {i.where.map((w) => placeKindLabel(t, w)).join(', ')}
                      {i.by.length > 0 && (
                        <span className="muted">
                          {' · '}
                          {t('proto.by')} {i.by.map((b) => providerLabel(t, b)).join(', ')}
                        </span>
                      )}
                    </dd>
                  </div>
                  <div>
                    <dt>{t('proto.recordedAs')}</dt>
                    <dd>
                      {i.recordedAs
                        .map((g) => {
                          const cs = g.concepts.map((c) => label(c.label)).join(` ${t('proto.or')} `);
                          const extra = [
                            g.provider ? `${t('proto.by')} ${g.provider.map((p) => providerLabel(t, p)).join('/')}` : '',
                            g.place ? `${t('proto.at')} ${g.place.map((p) => placeKindLabel(t, p)).join('/')}` : '',
                          ].filter(Boolean);
                          return extra.length ? `${cs} (${extra.join(', ')})` : cs;
                        })
                        .join(' + ')}
                    </dd>
                  </div>
                  {i.settings.length > 0 && (
                    <div>
                      <dt>{t('proto.dependsOn')}</dt>
                      <dd>{i.settings.map((p) => label(settingLabel.get(settingOfField(p, settingPaths) ?? p)) || p).join('; ')}</dd>
                    </div>
                  )}
                  {i.note && (
                    <div>
                      <dt>{t('proto.note')}</dt>
                      <dd>{label(i.note)}</dd>
                    </div>
                  )}
                  <div>
                    <dt>{t('proto.sources')}</dt>
                    <dd>
                      <SourceList sources={i.sources} />
                    </dd>
                  </div>
                </dl>
              </li>
            ))}
          </ul>
        </Card>
      ))}
    </div>
  );
}
