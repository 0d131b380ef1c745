/**
 * Reading indicators (docs/indicators.md "HTTP API"): dashboards, child
 * areas ranked, the year's trend, the people behind a number, morbidity and
 * the target groups. Plain typed inputs (the areas already cut to the
 * user's scope) so the reports (/api/reports) reuse them.
 */
import type { IndicatorPersonView } from '../../../core/indicators/types';
import { sql, type SQL } from 'drizzle-orm';
import { isWithin, levelOf } from '../../../core/areas/codes';
import { INDICATORS, indicatorById } from '../../../core/indicators/catalogue';
import { estimateSasaran } from '../../../core/indicators/sasaran';
import type { AgeBand, IndicatorDef, IndicatorGroup, SasaranGroup } from '../../../core/indicators/types';
import { SASARAN_GROUPS } from '../../../core/indicators/types';
import { completedYears, type IsoDate } from '../../../core/time/dates';
import { rows, type DbOrTx } from '../../db/sql';
import { emptySums, figuresOf, trendOf, DEFAULT_THRESHOLDS, type Figures, type Mode, type MonthlySums, type Thresholds } from './figures';
import { districtRates, districtThresholds } from './indicator-settings';

export type View = 'domicile' | 'facility';

export interface IndicatorFilter {
  /** Areas summed: the place asked, cut to the user's scope (codes never nest). */
  codes: string[];
  /** Facilities whose by-place counters are summed (view = facility); default the facilities standing in `codes`. */
  facilityIds?: string[];
  year: number;
  /** 1–12: year to date through this month, or this month alone. */
  month: number;
  mode: Mode;
  sex?: 'M' | 'F';
  age?: AgeBand;
  view?: View;
}

export interface IndicatorFigures extends Figures {
  id: string;
  group: IndicatorGroup;
  kind: IndicatorDef['kind'];
  label: IndicatorDef['label'];
  better: IndicatorDef['better'];
  previous: { numerator: number; coverageEstimated: number | null };
  trend: 'up' | 'down' | 'flat' | null;
}

/** Codes that do not lie inside one another (a sum never counts a place twice). */
export function disjoint(codes: readonly string[]): string[] {
  const sorted = [...new Set(codes)].sort((a, b) => a.length - b.length);
  const out: string[] = [];
  for (const c of sorted) if (!out.some((o) => isWithin(c, o))) out.push(c);
  return out.sort();
}

/**
 * The codes a sum reads counters of: counters start at the kabupaten/kota, so
 * a province (or the whole country) stands for its kabupaten/kota in the area tree.
 */
export async function counterCodes(db: DbOrTx, codes: readonly string[]): Promise<string[]> {
  const wide = codes.filter((c) => { const l = levelOf(c); return l === 'country' || l === 'province'; });
  if (!wide.length) return disjoint(codes);
  const kabs = await rows<{ code: string }>(db, sql`select code from area where level = 'regency'
    and (${sql.join(wide.map((c) => (levelOf(c) === 'country' ? sql`true` : sql`code like ${c + '.%'}`)), sql` or `)})`);
  return disjoint([...codes.filter((c) => !wide.includes(c)), ...kabs.map((k) => k.code)]);
}

const list = (xs: readonly (string | number)[]) => sql.join(xs.map((x) => sql`${x}`), sql`, `);

function dimensionFilter(f: { sex?: string; age?: string }, alias: string): SQL {
  const a = sql.raw(alias);
  return sql`${f.sex ? sql`and ${a}.sex = ${f.sex}` : sql``} ${f.age ? sql`and ${a}.age_band = ${f.age}` : sql``}`;
}

interface SumRow {
  key: string;
  indicator: string;
  year: number;
  month: number;
  reg_new: number;
  num_new: number;
  served: number;
  occurrences: number;
}

/** Monthly sums per (key, indicator, year): `key` is the area (or '' when summed over all codes). */
function collect(r: SumRow[]): Map<string, MonthlySums> {
  const out = new Map<string, MonthlySums>();
  for (const x of r) {
    const k = `${x.key}|${x.indicator}|${x.year}`;
    let s = out.get(k);
    if (!s) out.set(k, (s = emptySums()));
    const m = Number(x.month) - 1;
    s.regNew[m] = Number(x.reg_new);
    s.numNew[m] = Number(x.num_new);
    s.served[m] = Number(x.served);
    s.occurrences[m] = Number(x.occurrences);
  }
  return out;
}

/** The facilities standing in the areas (the by-place view of a place). */
async function facilitiesIn(db: DbOrTx, codes: readonly string[]): Promise<string[]> {
  if (!codes.length) return [];
  const r = await rows<{ id: string }>(db, sql`select id from facility where ${sql.join(codes.map((c) => sql`(area_code = ${c} or area_code like ${c + '.%'})`), sql` or `)}`);
  return r.map((x) => x.id);
}

/** Counter sums of the codes (summed together, key ''), per indicator, year and month. */
async function sumsOf(db: DbOrTx, f: IndicatorFilter, years: readonly number[], indicators?: readonly string[]): Promise<Map<string, MonthlySums>> {
  const ind = indicators?.length ? sql`and c.indicator in (${list(indicators)})` : sql``;
  if (f.view === 'facility') {
    const ids = f.facilityIds ?? (await facilitiesIn(db, f.codes));
    if (!ids.length) return new Map();
    return collect(await rows<SumRow>(db, sql`
      select '' as key, c.indicator, c.year, c.month, 0 as reg_new, sum(c.num_new) as num_new, sum(c.served) as served, sum(c.occurrences) as occurrences
      from indicator_facility_counter c where c.facility_id in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})
        and c.year in (${list(years)}) ${ind} ${dimensionFilter(f, 'c')}
      group by c.indicator, c.year, c.month`));
  }
  if (!f.codes.length) return new Map();
  return collect(await rows<SumRow>(db, sql`
    select '' as key, c.indicator, c.year, c.month, sum(c.reg_new) as reg_new, sum(c.num_new) as num_new, sum(c.served) as served, sum(c.occurrences) as occurrences
    from indicator_counter c where c.area_code in (${list(f.codes)}) and c.year in (${list(years)}) ${ind} ${dimensionFilter(f, 'c')}
    group by c.indicator, c.year, c.month`));
}

export interface SasaranEntry {
  group: SasaranGroup;
  /** The estimate from the desa population and the district's rates (null without a population). */
  estimated: number | null;
  /** The Dinkes override (null when none). */
  override: number | null;
  /** What the dashboards divide by: the override, else the estimate. */
  value: number | null;
}

interface DesaPopulation {
  code: string;
  population: number | null;
}

/**
 * Annual estimated target groups per desa under the codes (desa and above;
 * a dusun/RW/RT has no estimate): overrides, else estimateSasaran of the
 * desa population with the district's rates.
 */
export async function sasaranOfDesa(db: DbOrTx, codes: readonly string[], year: number): Promise<Map<string, SasaranEntry[]>> {
  const wide = codes.filter((c) => { const l = levelOf(c); return l === 'regency' || l === 'district' || l === 'village'; });
  const out = new Map<string, SasaranEntry[]>();
  if (!wide.length) return out;
  const desa = await rows<DesaPopulation & { overrides: Record<string, number> | string | null }>(db, sql`
    select a.code, a.population,
      (select json_object_agg(s.sasaran_group, s.value) from sasaran s where s.area_code = a.code and s.year = ${year}) as overrides
    from area a where a.level = 'village' and (${sql.join(wide.map((c) => sql`(a.code = ${c} or a.code like ${c + '.%'})`), sql` or `)})`);
  const rates = new Map<string, Awaited<ReturnType<typeof districtRates>>>();
  for (const d of desa) {
    const kab = d.code.slice(0, 5);
    if (!rates.has(kab)) rates.set(kab, await districtRates(db, kab));
    const overrides = (typeof d.overrides === 'string' ? JSON.parse(d.overrides) : d.overrides ?? {}) as Record<string, number>;
    const est = d.population === null ? null : estimateSasaran(Number(d.population), rates.get(kab)!);
    out.set(d.code, SASARAN_GROUPS.map((g) => {
      const estimated = est ? est[g] : null;
      const override = overrides[g] ?? null;
      return { group: g, estimated, override, value: override ?? estimated };
    }));
  }
  return out;
}

/** Sum of a target group over desa (null when no desa has a value). */
function annualOf(byDesa: Map<string, SasaranEntry[]>, group: SasaranGroup | null, within?: string): number | null {
  if (!group) return null;
  let total: number | null = null;
  for (const [code, entries] of byDesa) {
    if (within && !isWithin(code, within)) continue;
    const v = entries.find((e) => e.group === group)?.value ?? null;
    if (v !== null) total = (total ?? 0) + v;
  }
  return total;
}

function defsFor(group?: IndicatorGroup, ids?: readonly string[]): IndicatorDef[] {
  return INDICATORS.filter((d) => (!group || d.group === group) && (!ids || ids.includes(d.id))).sort((a, b) => a.group.localeCompare(b.group) || a.order - b.order);
}

async function thresholdsFor(db: DbOrTx, codes: readonly string[]): Promise<Thresholds> {
  const kab = codes[0]?.slice(0, 5);
  return kab && levelOf(kab) === 'regency' ? districtThresholds(db, kab) : DEFAULT_THRESHOLDS;
}

function figuresFor(def: IndicatorDef, sums: Map<string, MonthlySums>, key: string, year: number, month: number, mode: Mode, annual: number | null, t: Thresholds): Figures {
  const s = sums.get(`${key}|${def.id}|${year}`) ?? emptySums();
  const ratioDef = def.ratioOf ? indicatorById(def.ratioOf) ?? null : null;
  const ratioSums = ratioDef ? sums.get(`${key}|${ratioDef.id}|${year}`) ?? emptySums() : null;
  return figuresOf(def, s, month, mode, annual, ratioSums, ratioDef, t);
}

/** GET /api/indicators: every indicator (of a group) for a place and period, with last year's and the trend. */
export async function readIndicators(db: DbOrTx, q: IndicatorFilter & { group?: IndicatorGroup; ids?: string[] }): Promise<IndicatorFigures[]> {
  const f = { ...q, codes: await counterCodes(db, q.codes) };
  const defs = defsFor(q.group, q.ids);
  const needed = [...new Set(defs.flatMap((d) => (d.ratioOf ? [d.id, d.ratioOf] : [d.id])))];
  const [sums, now, before, t] = await Promise.all([
    sumsOf(db, f, [q.year, q.year - 1], needed),
    sasaranOfDesa(db, f.view === 'facility' ? [] : f.codes, q.year),
    sasaranOfDesa(db, f.view === 'facility' ? [] : f.codes, q.year - 1),
    thresholdsFor(db, f.codes),
  ]);
  return defs.map((def) => {
    const fig = figuresFor(def, sums, '', q.year, q.month, q.mode, annualOf(now, def.sasaran), t);
    const prev = figuresFor(def, sums, '', q.year - 1, q.month, q.mode, annualOf(before, def.sasaran), t);
    return {
      id: def.id, group: def.group, kind: def.kind, label: def.label, better: def.better, ...fig,
      previous: { numerator: prev.numerator, coverageEstimated: prev.coverageEstimated },
      trend: trendOf(def, sums.get(`|${def.id}|${q.year}`) ?? emptySums(), q.month),
    };
  });
}

export interface AreaFigures extends Figures {
  code: string;
  name: string;
  level: string;
  rank: number;
}

/**
 * GET /api/indicators/:id/areas: the child areas of `parent` (those in
 * `visible`, the user's part) with the same figures, ranked best first.
 */
export async function readIndicatorAreas(
  db: DbOrTx, q: { id: string; parent: string; visible: (code: string) => boolean; year: number; month: number; mode: Mode; sex?: 'M' | 'F'; age?: AgeBand },
): Promise<AreaFigures[]> {
  const def = indicatorById(q.id);
  if (!def) return [];
  const children = (await rows<{ code: string; name: string; level: string }>(db, sql`select code, name, level from area where parent_code = ${q.parent} order by code`))
    .filter((c) => q.visible(c.code));
  if (!children.length) return [];
  const ids = def.ratioOf ? [def.id, def.ratioOf] : [def.id];
  const kab = q.parent.slice(0, 5);
  const sums = collect(await rows<SumRow>(db, sql`
    select c.area_code as key, c.indicator, c.year, c.month, sum(c.reg_new) as reg_new, sum(c.num_new) as num_new, sum(c.served) as served, sum(c.occurrences) as occurrences
    from indicator_counter c
    where c.kab_code = ${kab} and c.indicator in (${list(ids)}) and c.year = ${q.year} and c.area_code in (${list(children.map((c) => c.code))}) ${dimensionFilter(q, 'c')}
    group by c.area_code, c.indicator, c.year, c.month`));
  const sasaran = await sasaranOfDesa(db, children.map((c) => c.code), q.year);
  const t = levelOf(kab) === 'regency' ? await districtThresholds(db, kab) : DEFAULT_THRESHOLDS;
  const out = children.map((c) => {
    const annual = ['regency', 'district', 'village'].includes(c.level) ? annualOf(sasaran, def.sasaran, c.code) : null;
    return { code: c.code, name: c.name, level: c.level, rank: 0, ...figuresFor(def, sums, c.code, q.year, q.month, q.mode, annual, t) };
  });
  const score = (a: Figures) => a.coverageEstimated ?? a.coverageRegister ?? a.numerator;
  out.sort((a, b) => (def.better === 'lower' ? score(a) - score(b) : score(b) - score(a)) || a.code.localeCompare(b.code));
  out.forEach((a, i) => { a.rank = i + 1; });
  return out;
}

export interface TrendMonth {
  month: number;
  /** Year to date through the month. */
  ytd: Figures;
  /** The month alone. */
  inMonth: Figures;
}

/** GET /api/indicators/:id/trend: the 12 months of a year (through `untilMonth` for the current year), year to date and each month alone. */
export async function readIndicatorTrend(
  db: DbOrTx, q: { id: string; codes: string[]; facilityIds?: string[]; year: number; untilMonth?: number; sex?: 'M' | 'F'; age?: AgeBand; view?: View },
): Promise<TrendMonth[]> {
  const def = indicatorById(q.id);
  if (!def) return [];
  const f: IndicatorFilter = { ...q, codes: await counterCodes(db, q.codes), month: 12, mode: 'ytd' };
  const ids = def.ratioOf ? [def.id, def.ratioOf] : [def.id];
  const [sums, sasaran, t] = await Promise.all([
    sumsOf(db, f, [q.year], ids), sasaranOfDesa(db, f.view === 'facility' ? [] : f.codes, q.year), thresholdsFor(db, f.codes),
  ]);
  const annual = annualOf(sasaran, def.sasaran);
  const last = q.untilMonth ?? 12;
  const out: TrendMonth[] = [];
  for (let m = 1; m <= last; m++) {
    out.push({ month: m, ytd: figuresFor(def, sums, '', q.year, m, 'ytd', annual, t), inMonth: figuresFor(def, sums, '', q.year, m, 'month', annual, t) });
  }
  return out;
}

export type PeopleWhich = 'served' | 'missed' | 'not-served-in-month';

export type IndicatorPerson = IndicatorPersonView;

/** A NIK shown in lists: the region block and the last four digits (7402 15•• •••• 0001). */
export function maskNik(nik: string | null): string | null {
  if (!nik) return null;
  return nik.length === 16 ? `${nik.slice(0, 6)}******${nik.slice(12)}` : nik.replace(/\d(?=\d{4})/g, '*');
}

/**
 * GET /api/indicators/:id/people: who is behind a number — served (first
 * qualifying service by month M), missed (in the register by M, not served
 * by M) or not served in month M (in the register by M, no service in M).
 */
export async function readIndicatorPeople(
  db: DbOrTx, q: { id: string; codes: string[]; year: number; month: number; which: PeopleWhich; today: IsoDate; page: number; pageSize: number },
): Promise<{ total: number; people: IndicatorPerson[] }> {
  const codes = await counterCodes(db, q.codes);
  if (!codes.length) return { total: 0, people: [] };
  const kabs = [...new Set(codes.map((c) => c.slice(0, 5)))];
  const cond = q.which === 'served'
    ? sql`i.numerator_month <= ${q.month}`
    : q.which === 'missed'
      ? sql`i.register_month <= ${q.month} and (i.numerator_month is null or i.numerator_month > ${q.month})`
      : sql`i.register_month <= ${q.month} and (i.months_served >> ${q.month - 1}) & 1 = 0`;
  const r = await rows<{ id: string; name: string; nik: string | null; sex: string; birth_date: string; area_code: string; register_month: number | null;
    numerator_month: number | null; months_served: number; total: number }>(db, sql`
    select p.id, p.name, p.nik, p.sex, p.birth_date, i.area_code, i.register_month, i.numerator_month, i.months_served, count(*) over () as total
    from person_indicator i join person p on p.id = i.person_id
    where i.kab_code in (${list(kabs)}) and i.indicator = ${q.id} and i.year = ${q.year}
      and (${sql.join(codes.map((c) => sql`(i.area_code = ${c} or i.area_code like ${c + '.%'})`), sql` or `)}) and ${cond}
    order by i.area_code, p.name, p.id limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`);
  return {
    total: r[0] ? Number(r[0].total) : 0,
    people: r.map((x) => ({
      id: x.id, name: x.name, nik: maskNik(x.nik), sex: x.sex, ageYears: completedYears(x.birth_date, q.today), areaCode: x.area_code,
      rw: /\.RW(\d+)/.exec(x.area_code)?.[1] ?? null, registerMonth: x.register_month, numeratorMonth: x.numerator_month,
      servedInMonth: ((x.months_served >> (q.month - 1)) & 1) === 1,
    })),
  };
}

/** GET /api/indicators/morbidity: the diagnosis indicators ('dx:…') with the most people, year to date or in the month. */
export async function readMorbidity(db: DbOrTx, q: IndicatorFilter & { limit: number }): Promise<Array<{ id: string; code: string; label: IndicatorDef['label'] | null; people: number }>> {
  const f = { ...q, codes: await counterCodes(db, q.codes) };
  const sums = await sumsOf(db, { ...f, view: 'domicile' }, [q.year]);
  const out = [];
  for (const [k, s] of sums) {
    const id = k.split('|')[1]!;
    if (!id.startsWith('dx:')) continue;
    const def = indicatorById(id);
    const people = q.mode === 'ytd' ? s.numNew.slice(0, q.month).reduce((a, b) => a + b, 0) : s.served[q.month - 1]!;
    if (people > 0) out.push({ id, code: id.slice(3), label: def?.label ?? null, people });
  }
  return out.sort((a, b) => b.people - a.people || a.id.localeCompare(b.id)).slice(0, q.limit);
}

/** GET /api/sasaran: per target group of a desa, the estimate, the override and the by-name register (people entered this year). */
export async function readSasaran(db: DbOrTx, q: { desa: string; year: number }): Promise<Array<SasaranEntry & { register: number; indicators: string[] }>> {
  const byDesa = await sasaranOfDesa(db, [q.desa], q.year);
  const entries = byDesa.get(q.desa) ?? SASARAN_GROUPS.map((g) => ({ group: g, estimated: null, override: null, value: null }));
  const reg = await rows<{ indicator: string; reg: number }>(db, sql`
    select indicator, sum(reg_new) as reg from indicator_counter where area_code = ${q.desa} and year = ${q.year} group by indicator`);
  const regBy = new Map(reg.map((r) => [r.indicator, Number(r.reg)]));
  return entries.map((e) => {
    // The register of a target group: the largest register among the indicators that divide by it (they share the group's people).
    const defs = INDICATORS.filter((d) => d.sasaran === e.group && d.kind === 'coverage');
    return { ...e, register: Math.max(0, ...defs.map((d) => regBy.get(d.id) ?? 0)), indicators: defs.map((d) => d.id) };
  });
}

/** PUT /api/sasaran: Dinkes sets (value) or clears (null) the override of a desa's target groups for a year. */
export async function writeSasaran(db: DbOrTx, q: { desa: string; year: number; values: Partial<Record<SasaranGroup, number | null>>; userId: string; note?: string | null }): Promise<void> {
  const kab = q.desa.slice(0, 5);
  for (const [group, value] of Object.entries(q.values)) {
    if (value === null || value === undefined) {
      await db.execute(sql`delete from sasaran where area_code = ${q.desa} and year = ${q.year} and sasaran_group = ${group}`);
    } else {
      await db.execute(sql`insert into sasaran (area_code, year, sasaran_group, kab_code, value, note, updated_by, updated_at)
        values (${q.desa}, ${q.year}, ${group}, ${kab}, ${value}, ${q.note ?? null}, ${q.userId}::uuid, now())
        on conflict (area_code, year, sasaran_group) do update set value = excluded.value, note = excluded.note, updated_by = excluded.updated_by, updated_at = now()`);
    }
  }
}
