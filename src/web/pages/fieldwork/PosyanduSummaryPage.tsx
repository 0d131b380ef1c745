/**
 * The Posyandu day's summary (/posyandu/:sessionId/summary): attended,
 * measured, served, referred, due but absent, by stage; and the absentees
 * by household — the sweeping list for home visits, printable on A4.
 */
import { Link, useLocation, useParams } from 'react-router';
import { useI18n } from '../../i18n';
import { useAsync } from '../../lib/useAsync';
import { getSession, type CloseResult, type SessionDetail, type SessionSummary } from '../../api/fieldwork';
import { Alert, Badge, Breadcrumbs, Card, ErrorState, Loading, PageHeader, Stat } from '../../components/ui';
import { Icon } from '../../components/Icon';
import { DueTable, type DueRow } from './DueTable';
import { STAGE_LABEL } from './stages';
import type { StageId } from '../../../core/protocol/types';
import { ageLabel } from '../../lib/format';
// Its own stylesheet: a page opened directly must not depend on the recording forms having loaded it.
import '../../styles/fieldwork.css';

export function PosyanduSummaryPage() {
  const { sessionId = '' } = useParams();
  const location = useLocation();
  const fromClose = (location.state ?? null) as CloseResult | null;
  const res = useAsync(() => getSession(sessionId), [sessionId]);
  if (res.loading && !res.data) return <Loading />;
  if (res.error || !res.data) return <ErrorState error={res.error} onRetry={res.reload} />;
  return <Summary detail={res.data} closeResult={fromClose?.summary ? fromClose : null} />;
}

/** The absentees: people expected (due) on the day who did not come. */
function absenteesOf(detail: SessionDetail): DueRow[] {
  const present = new Set(detail.attended.map((a) => a.person.id));
  return detail.expected.filter((e) => !present.has(e.person.id)).map((e) => ({ person: e.person, items: e.items }));
}

function Summary({ detail, closeResult }: { detail: SessionDetail; closeResult: CloseResult | null }) {
  const { t, date, number, label } = useI18n();
  const { session, facility } = detail;
  const summary: SessionSummary | null = closeResult?.summary ?? session.summary;
  const absentees: DueRow[] = closeResult?.absentees ?? absenteesOf(detail);
  const stageRows = summary ? Object.entries(summary.byStage ?? {}) : [];

  return (
    <div className="page fw-page fw-printable">
      <PageHeader
        crumbs={
          <div className="fw-no-print">
            <Breadcrumbs items={[{ label: t('fw.posyandu'), to: '/posyandu' }, { label: date(session.date), to: `/posyandu/${session.id}` }, { label: t('fw.summary') }]} />
          </div>
        }
        eyebrow={t('fw.summary')}
        title={facility.name}
        sub={date(session.date)}
        actions={
          <div className="actions fw-no-print">
            <button type="button" className="btn btn-secondary" onClick={() => window.print()} data-testid="print-summary">
              <Icon name="audit" />
              {t('fw.print')}
            </button>
            <Link className="btn" to={`/home-visits?facility=${encodeURIComponent(facility.id)}`}>
              <Icon name="households" />
              {t('fw.planHomeVisits')}
            </Link>
          </div>
        }
      />

      {!session.closedAt && (
        <Alert tone="info">
          {t('fw.summaryNotClosed')} <Link to={`/posyandu/${session.id}`}>{t('fw.backToList')}</Link>
        </Alert>
      )}

      {summary && (
        <div className="stats fw-summary-stats" data-testid="summary-stats">
          <Stat label={t('fw.sum.attended')} value={number(summary.attended)} />
          <Stat label={t('fw.sum.measured')} value={number(summary.measured)} />
          <Stat label={t('fw.sum.served')} value={number(summary.served)} />
          <Stat label={t('fw.sum.referred')} value={number(summary.referred)} />
          <Stat label={t('fw.sum.dueButAbsent')} value={number(summary.dueButAbsent)} />
        </div>
      )}

      {stageRows.length > 0 && (
        <Card title={t('fw.byStage')}>
          <table className="fw-simple-table" data-testid="summary-by-stage">
            <thead>
              <tr>
                <th scope="col">{t('fw.stage')}</th>
                <th scope="col" className="num">{t('fw.sum.attended')}</th>
                <th scope="col" className="num">{t('fw.sum.dueButAbsent')}</th>
              </tr>
            </thead>
            <tbody>
              {stageRows.map(([stage, v]) => {
                const row = typeof v === 'number' ? { attended: v } : (v ?? {});
                return (
                  <tr key={stage}>
                    <td>{label(STAGE_LABEL[stage as StageId]) || stage}</td>
                    <td className="num">{number(row.attended ?? 0)}</td>
                    <td className="num">{number(row.dueButAbsent ?? 0)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </Card>
      )}

      <Card title={t('fw.attendedList')} count={detail.attended.length} flush>
        {detail.attended.length === 0 ? (
          <p className="muted small fw-pad">{t('fw.nobodyYet')}</p>
        ) : (
          <ul className="list fw-people" data-testid="attended-summary">
            {detail.attended.map((a) => (
              <li className="list-item" key={a.person.id} data-testid="attended-row" data-person-id={a.person.id} data-steps={(['measured', 'served', 'counselled', 'referred'] as const).filter((k) => a.steps[k]).join(' ')}>
                <div className="list-item-main">
                  <Link to={`/people/${a.person.id}`}>{a.person.name}</Link>
                  <span className="list-item-meta">{a.person.ageLabel || ageLabel(t, a.person.birthDate, session.date)}</span>
                  <span className="badges">
                    {a.steps.measured && <Badge tone="success">{t('fw.sum.measured')}</Badge>}
                    {a.steps.served && <Badge tone="success">{t('fw.sum.served')}</Badge>}
                    {a.steps.counselled && <Badge tone="info">{t('fw.step.counsel')}</Badge>}
                    {a.steps.referred && <Badge tone="warning">{t('fw.sum.referred')}</Badge>}
                  </span>
                </div>
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card title={t('fw.absentees')} count={absentees.length}>
        <p className="small muted">{t('fw.absenteesText')}</p>
        {absentees.length === 0 ? <p className="muted">{t('fw.noAbsentees')}</p> : <DueTable rows={absentees} on={session.date} testId="absentees" print />}
      </Card>
    </div>
  );
}
