import { useI18n } from '../../i18n';
import type { ProtocolResponse } from '../../api/protocol';
import { Card } from '../../components/ui';
import { StatusBadge } from '../record/StatusBadge';
import { SCHEDULE_STATUSES, type ScheduleStatus } from '../../../core/schedule/status';
import { SourceList } from './SourceList';

/** The life-cycle stages with their rules (age bounds, conditions) and sources. */
export function StagesView({ data }: { data: ProtocolResponse }) {
  const { t, label } = useI18n();
  return (
    <Card title={t('proto.stagesTitle')} count={data.stages.length}>
      <p className="small muted" style={{ marginBottom: 12 }}>
        {t('proto.stagesNote')}
      </p>
      <ul className="proto-items" data-testid="proto-stages">
        {data.stages.map((s) => (
          <li key={s.id} className="proto-item">
            <div className="proto-item-head">
              <h3>{label(s.label)}</h3>
              <code className="proto-id">{s.id}</code>
            </div>
            <dl className="proto-facts">
              <div>
                <dt>{t('proto.rule')}</dt>
                <dd>{label(s.rule)}</dd>
              </div>
              <div>
                <dt>{t('proto.sources')}</dt>
                <dd>
                  <SourceList sources={s.sources} />
                </dd>
              </div>
            </dl>
          </li>
        ))}
      </ul>
    </Card>
  );
}

/** Every cut-off table (screening bands, blood pressure, glucose, KEK, IMT…) in words. */
export function CutoffsView({ data }: { data: ProtocolResponse }) {
  const { t, label } = useI18n();
  return (
    <div className="grid-2" data-testid="proto-cutoffs">
      {data.cutoffs.map((c) => (
        <Card key={c.id} title={label(c.label)}>
          <ul className="cutoff-rows">
            {c.rows.map((r, i) => (
              <li key={i}>{label(r)}</li>
            ))}
          </ul>
          <div className="small" style={{ marginTop: 12 }}>
            <strong>{t('proto.sources')}:</strong> <SourceList sources={c.sources} />
          </div>
        </Card>
      ))}
    </div>
  );
}

/** The status words the schedule and due lists use, each with its definition. */
export function StatusesView({ data }: { data: ProtocolResponse }) {
  const { t, label } = useI18n();
  const known = new Set<string>(SCHEDULE_STATUSES);
  return (
    <Card title={t('proto.statusesTitle')}>
      <ul className="list" data-testid="proto-statuses">
        {data.statuses.map((s) => (
          <li key={s.id} className="list-item">
            <div className="list-item-main">
              <span>{known.has(s.id) ? <StatusBadge status={s.id as ScheduleStatus} /> : <strong>{label(s.label)}</strong>}</span>
              <span className="list-item-meta">{label(s.definition)}</span>
            </div>
          </li>
        ))}
      </ul>
      <p className="small muted" style={{ marginTop: 12 }}>
        {t('proto.windowNote')}
      </p>
    </Card>
  );
}
