/**
 * The approximate fallback for 0–5 years, used until an admin imports WHO's
 * exact daily tables: the simplified WHO tables (L, M, S by week 0–13, by
 * month 0–60, and by 0.5 cm of length/height) that the npm package jsgrowup
 * 0.8.0 ships (BSD-3-Clause; the numbers are the WHO Child Growth Standards,
 * see ../shared/data/who-growth/SOURCES.md §3), read between knots with a
 * cubic spline. Every value it gives is marked approximate. It has no arm
 * circumference, skinfold or 5–19 year tables; those stay missing.
 *
 * Measured error against the exact daily tables: approximate-references.test.ts.
 */
import wfa_boys_013 from 'jsgrowup/tables/wfa_boys_0_13_zscores.json';
import wfa_boys_05 from 'jsgrowup/tables/wfa_boys_0_5_zscores.json';
import wfa_girls_013 from 'jsgrowup/tables/wfa_girls_0_13_zscores.json';
import wfa_girls_05 from 'jsgrowup/tables/wfa_girls_0_5_zscores.json';
import lhfa_boys_013 from 'jsgrowup/tables/lhfa_boys_0_13_zscores.json';
import lhfa_boys_02 from 'jsgrowup/tables/lhfa_boys_0_2_zscores.json';
import lhfa_boys_25 from 'jsgrowup/tables/lhfa_boys_2_5_zscores.json';
import lhfa_girls_013 from 'jsgrowup/tables/lhfa_girls_0_13_zscores.json';
import lhfa_girls_02 from 'jsgrowup/tables/lhfa_girls_0_2_zscores.json';
import lhfa_girls_25 from 'jsgrowup/tables/lhfa_girls_2_5_zscores.json';
import bmifa_boys_013 from 'jsgrowup/tables/bmifa_boys_0_13_zscores.json';
import bmifa_boys_02 from 'jsgrowup/tables/bmifa_boys_0_2_zscores.json';
import bmifa_boys_25 from 'jsgrowup/tables/bmifa_boys_2_5_zscores.json';
import bmifa_girls_013 from 'jsgrowup/tables/bmifa_girls_0_13_zscores.json';
import bmifa_girls_02 from 'jsgrowup/tables/bmifa_girls_0_2_zscores.json';
import bmifa_girls_25 from 'jsgrowup/tables/bmifa_girls_2_5_zscores.json';
import hcfa_boys_013 from 'jsgrowup/tables/hcfa_boys_0_13_zscores.json';
import hcfa_boys_05 from 'jsgrowup/tables/hcfa_boys_0_5_zscores.json';
import hcfa_girls_013 from 'jsgrowup/tables/hcfa_girls_0_13_zscores.json';
import hcfa_girls_05 from 'jsgrowup/tables/hcfa_girls_0_5_zscores.json';
import wfl_boys_02 from 'jsgrowup/tables/wfl_boys_0_2_zscores.json';
import wfh_boys_25 from 'jsgrowup/tables/wfh_boys_2_5_zscores.json';
import wfl_girls_02 from 'jsgrowup/tables/wfl_girls_0_2_zscores.json';
import wfh_girls_25 from 'jsgrowup/tables/wfh_girls_2_5_zscores.json';
import { cubicSpline, type Spline } from './cubic-spline';
import type { GrowthTableName } from './growth-tables';
import { DAYS_PER_MONTH, HEIGHT_FROM_DAY, WFH_RANGE_CM, WFL_RANGE_CM, WHO2006_LAST_DAY } from './who-rules';
import { whoSex, type GrowthReferences } from './growth-references';

type JsonRow = Readonly<Record<string, string>>;
type JsonTable = readonly JsonRow[];


interface Knot {
  x: number;
  l: number;
  m: number;
  s: number;
}

const knots = (table: JsonTable, key: string, toX: (v: number) => number, keep: (v: number) => boolean = () => true): Knot[] =>
  table
    .filter((r) => keep(Number(r[key])))
    .map((r) => ({ x: toX(Number(r[key])), l: Number(r.L), m: Number(r.M), s: Number(r.S) }));

const byWeek = (t: JsonTable) => knots(t, 'Week', (w) => w * 7);
/**
 * Months from 4 on: month 3 (91.3 days) would sit 0.3 days from week 13 and
 * make the spline wiggle. The monthly files run to month 60; length and BMI
 * come in two files split at month 24 (lying to 24, standing from 24).
 */
const byMonth = (t: JsonTable, from = 4, to = 60) => knots(t, 'Month', (mo) => mo * DAYS_PER_MONTH, (mo) => mo >= from && mo <= to);

/** One smooth piece of a table, used for keys in [from, to]. */
interface Segment {
  from: number;
  to: number;
  l: Spline;
  m: Spline;
  s: Spline;
}

function segment(from: number, to: number, ks: Knot[]): Segment {
  const xs = ks.map((k) => k.x);
  return {
    from,
    to,
    l: cubicSpline(xs, ks.map((k) => k.l)),
    m: cubicSpline(xs, ks.map((k) => k.m)),
    s: cubicSpline(xs, ks.map((k) => k.s)),
  };
}

/** WHO's monthly tables are at exact ages of month × DAYS_PER_MONTH days; the length curves end the day before HEIGHT_FROM_DAY. */
const FIRST_HEIGHT_DAY = HEIGHT_FROM_DAY;
const LAST_DAY = WHO2006_LAST_DAY;

/**
 * WHO's daily tables for length, BMI and head circumference are straight lines
 * between the weekly values of weeks 0, 1 and 2 (their second differences are
 * 0 there), so the first 14 days are read as straight lines and the rest with
 * a spline from week 2 on. Weight is curved in those days; its error there is
 * the largest of the fallback (≈ 0.14 z, measured in the test).
 */
const STRAIGHT_UNTIL_DAY = 14;

function early(weekly: JsonTable, monthly: Knot[], to = LAST_DAY): Segment[] {
  const weeks = byWeek(weekly);
  return [
    segment(0, STRAIGHT_UNTIL_DAY, weeks.filter((k) => k.x <= STRAIGHT_UNTIL_DAY)),
    segment(STRAIGHT_UNTIL_DAY, to, [...weeks.filter((k) => k.x >= STRAIGHT_UNTIL_DAY), ...monthly]),
  ];
}

type Segments = Partial<Record<GrowthTableName, [Segment[], Segment[]]>>;

function build(): Segments {
  const perSex = (boys: Segment[], girls: Segment[]): [Segment[], Segment[]] => [boys, girls];
  return {
    weianthro: perSex(early(wfa_boys_013, [...byMonth(wfa_boys_05)]), early(wfa_girls_013, [...byMonth(wfa_girls_05)])),
    hcanthro: perSex(early(hcfa_boys_013, [...byMonth(hcfa_boys_05)]), early(hcfa_girls_013, [...byMonth(hcfa_girls_05)])),
    // Length (lying) to day 730, height (standing) from day 731, as the daily tables.
    lenanthro: perSex(
      [...early(lhfa_boys_013, byMonth(lhfa_boys_02, 4, 24), FIRST_HEIGHT_DAY - 1), segment(FIRST_HEIGHT_DAY, LAST_DAY, byMonth(lhfa_boys_25, 24, 60))],
      [...early(lhfa_girls_013, byMonth(lhfa_girls_02, 4, 24), FIRST_HEIGHT_DAY - 1), segment(FIRST_HEIGHT_DAY, LAST_DAY, byMonth(lhfa_girls_25, 24, 60))],
    ),
    bmianthro: perSex(
      [...early(bmifa_boys_013, byMonth(bmifa_boys_02, 4, 24), FIRST_HEIGHT_DAY - 1), segment(FIRST_HEIGHT_DAY, LAST_DAY, byMonth(bmifa_boys_25, 24, 60))],
      [...early(bmifa_girls_013, byMonth(bmifa_girls_02, 4, 24), FIRST_HEIGHT_DAY - 1), segment(FIRST_HEIGHT_DAY, LAST_DAY, byMonth(bmifa_girls_25, 24, 60))],
    ),
    wflanthro: perSex(
      [segment(...WFL_RANGE_CM, knots(wfl_boys_02, 'Length', (x) => x))],
      [segment(...WFL_RANGE_CM, knots(wfl_girls_02, 'Length', (x) => x))],
    ),
    wfhanthro: perSex(
      [segment(...WFH_RANGE_CM, knots(wfh_boys_25, 'Height', (x) => x))],
      [segment(...WFH_RANGE_CM, knots(wfh_girls_25, 'Height', (x) => x))],
    ),
  };
}

let cached: GrowthReferences | undefined;

/** The jsgrowup-based approximate references (built once, then shared). */
export function approximateGrowthReferences(): GrowthReferences {
  if (cached) return cached;
  const segments = build();
  cached = {
    lms(table, sex, x) {
      const pair = segments[table];
      const seg = pair && (whoSex(sex) === 1 ? pair[0] : pair[1]).find((s) => x >= s.from && x <= s.to);
      if (!seg) return undefined;
      return { l: seg.l(x), m: seg.m(x), s: seg.s(x), approximate: true };
    },
    availability: (table) => (segments[table] ? 'approximate' : 'missing'),
  };
  return cached;
}
