import { useI18n, type MessageKey } from '../../i18n';
import { useMe } from '../../auth/AuthContext';
import { SelectField } from '../../components/Field';
import { cachedArea } from '../../components/AreaPicker';
import { useAsync } from '../../lib/useAsync';
import { displayName, LEVEL_KEY } from '../../lib/format';
import { scopeRoot } from '../../lib/scope';
import { isWithin, lineage, levelOf } from '../../../core/areas/codes';
import { AGE_BANDS, type Filters } from '../../api/indicators';
import { monthName, parsePeriod, periodOf } from './pws-model';

export type SetParams = (next: Record<string, string | null>) => void;

/** The place a dashboard starts at: the user's own (a kader's RW, a bidan's desa, a Puskesmas work area, the kabupaten). */
export function useStartArea(): string {
  return scopeRoot(useMe());
}

/**
 * The area level selector: the way up from the current area to the user's
 * own place (RT/RW → desa → Puskesmas work area → kabupaten) as buttons, and
 * the sub-areas to go down to.
 */
export function AreaLevels({ area, set }: { area: string; set: SetParams }) {
  const me = useMe();
  const { t } = useI18n();
  const root = scopeRoot(me);
  const detail = useAsync(() => cachedArea(area), [area]);
  const names = new Map((detail.data ? [...detail.data.ancestors, detail.data.area] : []).map((a) => [a.code, a.name]));
  const up = lineage(area).filter((c) => isWithin(c, root));
  // A Puskesmas serves a list of desa: its root is their kecamatan, shown as the work area.
  const workArea = me.facility?.type === 'puskesmas' && me.scope.length > 1 ? me.facility.name : null;
  const levelName = (code: string) => {
    if (code === root && workArea) return t('pws.workArea', { name: displayName(workArea) });
    const lvl = levelOf(code);
    return `${lvl ? t(LEVEL_KEY[lvl]) : ''} ${displayName(names.get(code) ?? code)}`.trim();
  };
  const children = (detail.data?.children ?? []).filter((c) => c.inScope !== false);
  return (
    <div className="pws-levels" data-testid="pws-levels">
      <nav aria-label={t('pws.area')} className="pws-lineage">
        {up.map((c) => (
          <button
            key={c}
            type="button"
            className={`chip${c === area ? ' is-active' : ''}`}
            aria-current={c === area ? 'page' : undefined}
            onClick={() => set({ area: c === root ? null : c, ind: null })}
          >
            {levelName(c)}
          </button>
        ))}
      </nav>
      {children.length > 0 && (
        <SelectField
          label={t('pws.subArea')}
          name="subarea"
          filter
          value=""
          placeholder={t('pws.subAreaPick')}
          options={children.map((c) => ({ value: c.code, label: `${t(LEVEL_KEY[c.level])} ${displayName(c.name)}` }))}
          onValue={(v) => v && set({ area: v, ind: null })}
        />
      )}
    </div>
  );
}

/** Month (Indonesian month names) and year; no month that has not begun. */
export function MonthYear({ period, set, currentPeriod }: { period: string; set: SetParams; currentPeriod: string }) {
  const { t, locale } = useI18n();
  const { year, month } = parsePeriod(period);
  const now = parsePeriod(currentPeriod);
  // The server keeps the current year and the one before.
  const years = [now.year, now.year - 1];
  const months = Array.from({ length: year === now.year ? now.month : 12 }, (_, i) => i + 1);
  const setPeriod = (y: number, m: number) => {
    const p = periodOf(y, y === now.year ? Math.min(m, now.month) : m);
    set({ period: p === currentPeriod ? null : p });
  };
  return (
    <>
      <SelectField label={t('pws.month')} name="month" filter value={String(month)} options={months.map((m) => ({ value: String(m), label: monthName(locale, m) }))} onValue={(v) => setPeriod(year, Number(v))} />
      <SelectField label={t('pws.year')} name="year" filter value={String(year)} options={years.map((y) => ({ value: String(y), label: String(y) }))} onValue={(v) => setPeriod(Number(v), month)} />
    </>
  );
}

/** Month and year, year-to-date or the month alone; sex, age band and the counting view folded under "more". */
export function PeriodFilters({ f, set, currentPeriod }: { f: Filters; set: SetParams; currentPeriod: string }) {
  const { t } = useI18n();
  const narrowed = !!f.sex || !!f.age || f.view === 'facility';
  return (
    <div className="pws-filters">
      <div className="pws-period" data-testid="pws-period">
        <MonthYear period={f.period} set={set} currentPeriod={currentPeriod} />
        <SelectField
          label={t('pws.mode')}
          name="mode"
          filter
          value={f.mode}
          options={[{ value: 'ytd', label: t('pws.mode.ytd') }, { value: 'month', label: t('pws.mode.month') }]}
          onValue={(v) => set({ mode: v === 'ytd' ? null : v })}
        />
      </div>
      <details className="pws-more" open={narrowed || undefined}>
        <summary>{t('pws.more')}</summary>
        <div className="pws-period">
          <SelectField
            label={t('pws.sex')}
            name="sex"
            filter
            value={f.sex ?? ''}
            options={[{ value: '', label: t('pws.sex.all') }, { value: 'F', label: t('pws.sex.F') }, { value: 'M', label: t('pws.sex.M') }]}
            onValue={(v) => set({ sex: v || null })}
          />
          <SelectField
            label={t('pws.age')}
            name="age"
            filter
            value={f.age ?? ''}
            options={[{ value: '', label: t('pws.age.all') }, ...AGE_BANDS.map((b) => ({ value: b, label: t(`pws.age.${b}` as MessageKey) }))]}
            onValue={(v) => set({ age: v || null })}
          />
          <SelectField
            label={t('pws.view')}
            name="view"
            filter
            value={f.view ?? 'domicile'}
            options={[{ value: 'domicile', label: t('pws.view.domicile') }, { value: 'facility', label: t('pws.view.facility') }]}
            onValue={(v) => set({ view: v === 'domicile' ? null : v })}
          />
        </div>
      </details>
    </div>
  );
}
