import { useState } from 'react';
import { useI18n } from '../../i18n';
import type { TimelineEntry } from '../../api/record';
import type { ApiWarning } from '../../api/types';
import { Badge, Card, Empty } from '../../components/ui';
import { eventValueText } from '../../records/event-text';
import { placeKindLabel } from './words';
import { orderVisitEvents } from './timeline-order';

const PAGE = 15;

/** Every visit, newest first, with what was recorded; corrected events stay visible, struck through. */
export function TimelineSection({ timeline }: { timeline: TimelineEntry[] }) {
  const { t, number } = useI18n();
  const [count, setCount] = useState(PAGE);
  if (timeline.length === 0) {
    return (
      <Card title={t('rec.tab.timeline')}>
        <Empty title={t('rec.noVisits')} icon="history" />
      </Card>
    );
  }
  return (
    <Card title={t('rec.tab.timeline')} count={timeline.length}>
      <ol className="timeline" data-testid="timeline">
        {timeline.slice(0, count).map((v, i) => (
          <VisitItem key={v.visit?.id ?? `${v.date}-${i}`} entry={v} />
        ))}
      </ol>
      {count < timeline.length && (
        <button type="button" className="btn btn-secondary btn-block" onClick={() => setCount(count + PAGE)} style={{ marginTop: 12 }}>
          {t('rec.showMore', { n: number(Math.min(PAGE, timeline.length - count)) })}
        </button>
      )}
    </Card>
  );
}

function VisitItem({ entry: v }: { entry: TimelineEntry }) {
  const { t, date, number, label } = useI18n();
  // Conditions carry dates, not values: say from when (a bare dash would read as a missing value).
  const valueText = (e: TimelineEntry['events'][number]) => {
    const text = eventValueText(e, t, number, label);
    const from = e.kind === 'condition' && typeof e.value?.from === 'string' ? e.value.from : null;
    return text || (from ? t('rec.tl.since', { date: date(from) }) : '');
  };
  const place = v.visit ? [placeKindLabel(t, v.visit.placeKind), v.visit.facilityName].filter(Boolean).join(' · ') : t('rec.noVisit');
  return (
    <li className="timeline-item">
      <div className="timeline-head">
        <strong>{date(v.date)}</strong>
        <span className="small muted">
          {place}
          {v.visit?.recordedByName && ` · ${v.visit.recordedByName}`}
        </span>
      </div>
      {v.visit?.notes && <p className="small preline">{v.visit.notes}</p>}
      <ul className="event-list">
        {orderVisitEvents(v.events).map((e) => {
          const warnings = Array.isArray(e.warnings) ? (e.warnings as ApiWarning[]) : [];
          return (
            <li key={e.id} className={`event-item${e.supersededBy ? ' superseded' : ''}`} data-superseded={e.supersededBy ? 'true' : undefined}>
              <span className="event-label">{e.label}</span>
              <span className="event-value">{valueText(e) || (e.kind === 'condition' || e.kind === 'diagnosis' ? '' : '–')}</span>
              {e.supersededBy && <Badge>{t('rec.corrected')}</Badge>}
              {e.supersedesId && <Badge tone="info">{t('rec.correction')}</Badge>}
              {warnings.length > 0 && (
                <span className="event-warnings" title={warnings.map((w) => w.message).join('\n')}>
                  <Badge tone="warning">⚠ {t('rec.confirmedWarning')}</Badge>
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </li>
  );
}
