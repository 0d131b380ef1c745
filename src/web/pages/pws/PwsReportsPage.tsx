import { Link, useSearchParams } from 'react-router';
import { useI18n, type MessageKey } from '../../i18n';
import { useMe } from '../../auth/AuthContext';
import { Card, Empty, ErrorState, Loading, PageHeader } from '../../components/ui';
import { SelectField } from '../../components/Field';
import { useAsync } from '../../lib/useAsync';
import { displayName } from '../../lib/format';
import { listFacilities } from '../../api/facilities';
import { withQuery } from '../../api/client';
import { getIndicators, getReport, labelIn, reportDownloadUrl, type ReportKind, type ReportQuery, type ReportResponse } from '../../api/indicators';
import { AreaLevels, MonthYear, useStartArea } from './PwsFilters';
import { usePwsFilters } from './PwsDashboardPage';
import './pws.css';

const KINDS: readonly ReportKind[] = ['spm', 'klaster', 'pws'];
const KLASTERS = ['klaster2', 'klaster3', 'klaster4'] as const;

/**
 * Reports (issue 5): the SPM report, the monthly klaster report and the PWS
 * table per desa for a place and month, as a table that prints on A4
 * landscape (print CSS), and as CSV/XLSX from the same API.
 */
export function PwsReportsPage() {
  const me = useMe();
  const { t, locale } = useI18n();
  const { f, set, currentPeriod } = usePwsFilters();
  const start = useStartArea();
  const [params] = useSearchParams();
  const kindParam = params.get('kind');
  const kind: ReportKind = (KINDS as readonly string[]).includes(kindParam ?? '') ? (kindParam as ReportKind) : 'spm';
  const group = (KLASTERS as readonly string[]).includes(params.get('group') ?? '') ? params.get('group')! : 'klaster2';
  const chosen = (params.get('indicator') ?? '').split(',').filter(Boolean);
  // The SPM report per Puskesmas: a Puskesmas chosen in the area, or a Puskesmas user's own on its work area.
  const puskesmasList = useAsync(() => listFacilities({ area: f.area, type: 'puskesmas' }).then((r) => r.items), [f.area]);
  const picked = params.get('facility');
  const asPuskesmas = picked && (puskesmasList.data ?? []).some((x) => x.id === picked)
    ? picked
    : me.facility?.type === 'puskesmas' && f.area === start && !picked ? me.facility.id : null;
  const q: ReportQuery = { ...(asPuskesmas ? { facility: asPuskesmas } : { area: f.area }), period: f.period, ...(kind === 'klaster' ? { group } : {}), ...(kind === 'pws' && chosen.length ? { indicator: chosen.join(',') } : {}) };
  const report = useAsync(() => getReport(kind, q), [kind, f.area, f.period, group, chosen.join(','), asPuskesmas]);
  // The PWS table's indicator choice: the coverage indicators of the chosen klaster.
  const choices = useAsync(
    () => (kind === 'pws' ? getIndicators(f, group as 'klaster2').then((r) => r.indicators.filter((i) => i.kind === 'coverage')) : Promise.resolve([])),
    [kind, group, f.area, f.period],
  );
  const toggle = (id: string) => {
    const next = chosen.includes(id) ? chosen.filter((c) => c !== id) : [...chosen, id].slice(0, 8);
    set({ indicator: next.length ? next.join(',') : null });
  };

  return (
    <div className="page pws-page report-page">
      <PageHeader
        eyebrow={t('pws.eyebrow')}
        title={t('pws.reportsTitle')}
        sub={t('pws.reportsSub')}
        actions={
          <Link className="btn btn-secondary" to={withQuery('/pws', { area: f.area, period: f.period })}>
            {t('pws.back')}
          </Link>
        }
      />
      <Card className="report-controls">
        <div className="report-kinds" role="tablist" aria-label={t('pws.reportKind')}>
          {KINDS.map((k) => (
            <button key={k} type="button" role="tab" aria-selected={kind === k} className={`chip${kind === k ? ' is-active' : ''}`} onClick={() => set({ kind: k === 'spm' ? null : k, indicator: null })} data-testid={`report-kind-${k}`}>
              {t(`pws.report.${k}` as MessageKey)}
            </button>
          ))}
        </div>
        <AreaLevels area={f.area} set={set} />
        <div className="pws-period">
          <MonthYear period={f.period} set={set} currentPeriod={currentPeriod} />
          {(puskesmasList.data ?? []).length > 0 && (
            <SelectField
              label={t('pws.reportPuskesmas')}
              name="facility"
              filter
              value={asPuskesmas ?? ''}
              options={[{ value: '', label: t('pws.reportWholeArea') }, ...puskesmasList.data!.map((x) => ({ value: x.id, label: displayName(x.name) }))]}
              onValue={(v) => set({ facility: v || null })}
            />
          )}
          {kind !== 'spm' && (
            <SelectField
              label={t('pws.reportGroup')}
              name="group"
              filter
              value={group}
              options={KLASTERS.map((g) => ({ value: g, label: t(`pws.tab.${g}` as MessageKey) }))}
              onValue={(v) => set({ group: v === 'klaster2' ? null : v, indicator: null })}
            />
          )}
        </div>
        {kind === 'pws' && (choices.data ?? []).length > 0 && (
          <fieldset className="report-indicators">
            <legend className="small muted">{t('pws.reportIndicator')}</legend>
            <div className="report-kinds">
              {choices.data!.map((i) => (
                <button key={i.id} type="button" className={`chip${chosen.includes(i.id) ? ' is-active' : ''}`} aria-pressed={chosen.includes(i.id)} onClick={() => toggle(i.id)}>
                  {labelIn(i.label, locale)}
                </button>
              ))}
            </div>
          </fieldset>
        )}
        <div className="report-actions">
          <button type="button" className="btn" onClick={() => window.print()} data-testid="report-print">
            {t('pws.print')}
          </button>
          <a className="btn btn-secondary" href={reportDownloadUrl(kind, q, 'csv')} download data-testid="report-csv">
            {t('pws.downloadCsv')}
          </a>
          <a className="btn btn-secondary" href={reportDownloadUrl(kind, q, 'xlsx')} download data-testid="report-xlsx">
            {t('pws.downloadXlsx')}
          </a>
        </div>
      </Card>

      {report.error ? (
        <ErrorState error={report.error} onRetry={report.reload} />
      ) : report.loading && !report.data ? (
        <Loading />
      ) : (
        <ReportSheet data={report.data!} />
      )}
    </div>
  );
}

/** Group headings over the columns: a run of columns of one group spans it; an ungrouped column spans both rows. */
function headerGroups(columns: ReportResponse['columns']): { label: string | null; span: number; only?: string }[] {
  const out: { label: string | null; span: number; only?: string }[] = [];
  for (const c of columns) {
    const last = out[out.length - 1];
    if (c.group && last && last.label === c.group) last.span++;
    else out.push(c.group ? { label: c.group, span: 1 } : { label: null, span: 1, only: c.label });
  }
  return out;
}

function ReportSheet({ data }: { data: ReportResponse }) {
  const { t, number } = useI18n();
  const cell = (v: string | number | null | undefined) => (v === null || v === undefined ? '–' : typeof v === 'number' ? number(v) : v);
  return (
    <Card className="report-sheet">
      <div className="report-title" data-testid="report-title">
        {data.title.map((line) => (
          <p key={line}>{line}</p>
        ))}
      </div>
      {data.rows.length === 0 ? (
        <Empty title={t('pws.reportEmpty')} icon="audit" />
      ) : (
        <div className="report-scroll">
          <table className="report-table" data-testid="report-table">
            <thead>
              {data.columns.some((c) => c.group) && (
                <tr>
                  {headerGroups(data.columns).map((g, i) => (
                    <th key={i} scope="colgroup" colSpan={g.span} rowSpan={g.label ? 1 : 2} className={g.label ? 'group' : undefined}>
                      {g.label ?? g.only}
                    </th>
                  ))}
                </tr>
              )}
              <tr>
                {data.columns
                  .filter((c) => !data.columns.some((x) => x.group) || c.group)
                  .map((c) => (
                    <th key={c.key} scope="col">
                      {c.group ? c.short ?? c.label : c.label}
                    </th>
                  ))}
              </tr>
            </thead>
            <tbody>
              {data.rows.map((r, i) => (
                <tr key={i}>
                  {data.columns.map((c) => {
                    const v = r[c.key];
                    const mark = data.marks?.[i]?.[c.key];
                    return (
                      <td key={c.key} className={`${typeof v === 'number' ? 'num' : ''}${mark ? ` mark-${mark}` : ''}`}>
                        {cell(v)}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
