import { useSearchParams } from 'react-router';
import { useI18n, type MessageKey } from '../../i18n';
import { useMe } from '../../auth/AuthContext';
import { Alert, Card, Empty, ErrorState, Loading, PageHeader } from '../../components/ui';
import { AreaPicker } from '../../components/AreaPicker';
import { TextField } from '../../components/Field';
import { Icon } from '../../components/Icon';
import { useAsync } from '../../lib/useAsync';
import { scopeRoot } from '../../lib/scope';
import { displayName } from '../../lib/format';
import { getKohort, kohortDownloadUrl, KOHORT_KINDS, type KohortKind, type KohortResponse } from '../../api/kohort';
import { isKohortMonth } from '../../../core/kohort';
import { message } from '../../../core/i18n/messages';
import { isWithin, levelOf, villageOf } from '../../../core/areas/codes';
import { addMonths, todayIn } from '../../../core/time/dates';
import { KohortTable } from './KohortTable';

const AT_OR_BELOW_VILLAGE = new Set(['village', 'dusun', 'rw', 'rt']);

/**
 * Kohort registers (issue 4): pick the desa/kelurahan (fixed when the user's
 * area is one desa or part of one), the month (no future month), and the
 * register; the table is the server's, computed from the recorded visits, and
 * downloads as CSV or XLSX from the same API.
 */
export function KohortPage() {
  const me = useMe();
  const { t, locale } = useI18n();
  const [params, setParams] = useSearchParams();
  const root = scopeRoot(me);
  // A kader's RW or a bidan's desa: the desa is given. Wider areas choose one.
  const fixedVillage = AT_OR_BELOW_VILLAGE.has(levelOf(root) ?? '') ? villageOf(root) : null;
  const ownVillage = AT_OR_BELOW_VILLAGE.has(levelOf(me.place.code) ?? '') && isWithin(me.place.code, root) ? villageOf(me.place.code) : null;
  const village = fixedVillage ?? params.get('village') ?? ownVillage ?? '';
  const currentMonth = todayIn().slice(0, 7);
  const month = params.get('month') ?? currentMonth;
  const kindParam = params.get('kind');
  const kind: KohortKind = (KOHORT_KINDS as readonly string[]).includes(kindParam ?? '') ? (kindParam as KohortKind) : 'ibu';
  const monthError = !isKohortMonth(month) ? message({ code: 'kohort_month_format' }, locale) : month > currentMonth ? message({ code: 'kohort_month_future' }, locale) : null;
  const ready = !!village && !monthError;
  const res = useAsync<KohortResponse | null>(() => (ready ? getKohort(kind, village, month) : Promise.resolve(null)), [kind, village, month, ready]);

  function set(next: Record<string, string | null>) {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v === null || v === '') p.delete(k);
      else p.set(k, v);
    }
    setParams(p, { replace: true });
  }
  const shiftMonth = (n: number) => set({ month: addMonths(`${month}-01`, n).slice(0, 7) });
  const monthLabel = isKohortMonth(month)
    ? new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'id-ID', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`))
    : month;
  // A kader sees the part of the desa in their area.
  const partial = fixedVillage && root !== fixedVillage ? me.scope.find((s) => s.code === root)?.name ?? me.place.name : null;

  return (
    <div className="page kohort-page">
      <PageHeader eyebrow={t('koh.eyebrow')} title={t('koh.title')} sub={t('koh.sub')} />

      <Card className="kohort-controls">
        <div className="kohort-filters" data-testid="kohort-filters">
          {!fixedVillage && (
            <AreaPicker
              label={t('koh.village')}
              name="village"
              value={village}
              rootCode={root}
              selectableLevels={['village']}
              within={me.scope.length ? me.scope.map((s) => s.code) : undefined}
              onChange={(code) => set({ village: code || null })}
              hint={t('koh.villageHint')}
              required
            />
          )}
          <div className="kohort-month">
            <button type="button" className="btn btn-secondary btn-icon" aria-label={t('koh.prevMonth')} title={t('koh.prevMonth')} onClick={() => shiftMonth(-1)} disabled={!isKohortMonth(month)} data-testid="kohort-prev">
              <Icon name="chevronLeft" />
            </button>
            <TextField
              label={t('koh.month')}
              name="month"
              type="month"
              filter
              value={month}
              max={currentMonth}
              onValue={(v) => set({ month: v === currentMonth ? null : v })}
              error={monthError}
            />
            <button
              type="button"
              className="btn btn-secondary btn-icon"
              aria-label={t('koh.nextMonth')}
              title={t('koh.nextMonth')}
              onClick={() => shiftMonth(1)}
              disabled={!isKohortMonth(month) || month >= currentMonth}
              data-testid="kohort-next"
            >
              <Icon name="chevronRight" />
            </button>
          </div>
        </div>
        {partial && <p className="small muted kohort-partial">{t('koh.partial', { place: displayName(partial) })}</p>}
      </Card>

      <div className="tabs" role="tablist" aria-label={t('koh.tabs')}>
        {KOHORT_KINDS.map((k) => (
          <button key={k} type="button" role="tab" aria-selected={kind === k} onClick={() => set({ kind: k === 'ibu' ? null : k })} data-testid={`kohort-tab-${k}`}>
            {t(`koh.tab.${k}` as MessageKey)}
          </button>
        ))}
      </div>
      <p className="small muted kohort-who">{t(`koh.who.${kind}` as MessageKey)}</p>

      {!village ? (
        <Empty title={t('koh.pickVillage')} icon="map">
          {t('koh.pickVillageText')}
        </Empty>
      ) : monthError ? null : res.error ? (
        <ErrorState error={res.error} onRetry={res.reload} />
      ) : !res.data || res.loading ? (
        <Loading />
      ) : (
        <Register data={res.data} monthLabel={monthLabel} />
      )}
    </div>
  );
}

function Register({ data, monthLabel }: { data: KohortResponse; monthLabel: string }) {
  const { t, number, date } = useI18n();
  const place = `${data.village.kind === 'desa' ? 'Desa' : 'Kelurahan'} ${displayName(data.village.name)}`;
  const register = t(`koh.register.${data.kind}` as MessageKey);
  return (
    <Card className="kohort-register" flush>
      <div className="kohort-head">
        <div>
          <h2 data-testid="kohort-heading">
            {register} · {place}
          </h2>
          <p className="small muted">
            <strong className="kohort-count" data-testid="kohort-count">
              {t(`koh.count.${data.kind}` as MessageKey, { n: number(data.rows.length) })}
            </strong>
            {' · '}
            {monthLabel} · {t('koh.dataUntil', { date: date(data.on) })}
          </p>
        </div>
        {data.rows.length > 0 && (
          <div className="kohort-downloads">
            <a className="btn btn-secondary" href={kohortDownloadUrl(data.kind, data.village.code, data.month, 'csv')} download data-testid="kohort-csv">
              {t('koh.downloadCsv')}
            </a>
            <a className="btn" href={kohortDownloadUrl(data.kind, data.village.code, data.month, 'xlsx')} download data-testid="kohort-xlsx">
              {t('koh.downloadXlsx')}
            </a>
          </div>
        )}
      </div>
      {data.approximate && (
        <div className="kohort-note">
          <Alert tone="info">{t('koh.approximate')}</Alert>
        </div>
      )}
      {data.rows.length === 0 ? (
        <Empty title={t(`koh.empty.${data.kind}` as MessageKey, { place, month: monthLabel })} icon="users">
          {t(data.kind === 'ibu' ? 'koh.emptyHow.ibu' : 'koh.emptyHow.person')}
        </Empty>
      ) : (
        <>
          <p className="small muted kohort-scroll-hint">{t('koh.scrollHint')}</p>
          <KohortTable data={data} caption={`${register} · ${place} · ${monthLabel}`} />
          {(data.kind === 'bayi' || data.kind === 'balita') && <p className="small muted kohort-legend">{t('koh.legendNt')}</p>}
        </>
      )}
    </Card>
  );
}
