/**
 * The protocol as readable plain data: every item with its window and target
 * group in words (Indonesian and English), where and by whom, what records it,
 * its sources and the settings it depends on; plus stages, settings, cut-off
 * tables and status definitions. `siklus protocol` prints it and the web page
 * renders it; the words are generated from the same data the engine runs, so
 * they cannot drift from the rules.
 */
import { CONCEPTS, type Concept } from '../codes/concepts';
import { PROGRAMMES, catalogue } from './catalogue';
import type { CutoffTable } from './cutoffs/band';
import { ADL_TABLE } from './cutoffs/adl';
import { BP_TABLES } from './cutoffs/blood-pressure';
import { FOUR_T_TABLE } from './cutoffs/four-t';
import { GLUCOSE_TABLES } from './cutoffs/glucose';
import { IMT_TABLE } from './cutoffs/imt';
import { KEK_TABLE } from './cutoffs/kek';
import { PUMA_TABLE } from './cutoffs/puma';
import { SKILAS_TABLE } from './cutoffs/skilas';
import { SRQ20_TABLE } from './cutoffs/srq20';
import { TB_TABLES } from './cutoffs/tb';
import { DEFAULT_SETTINGS, SETTING_INFO, type ProtocolSettings } from './settings';
import { changedSettings, settingsFingerprint } from './settings-validate';
import { AGE_STAGES, CONDITION_STAGES, WUS_STAGE } from './stages';
import type {
  ConditionKind, Eligibility, EligibilitySpec, Offset, PlaceKind, ProgrammeId, ProtocolItem, ProviderKind, Source, StageId, Text, Timing,
} from './types';
import { PROTOCOL_VERSION } from './version';

export interface ItemDescription {
  id: string;
  programme: ProgrammeId;
  stage: StageId;
  label: Text;
  /** When, in words. */
  window: Text;
  /** Target group, including the eligibility rule in words. */
  who: Text;
  where: PlaceKind[];
  by: ProviderKind[];
  /** All groups are needed; within a group any one concept (with the constraints) will do. */
  recordedAs: Array<{ concepts: Array<{ concept: Concept; label: Text }>; provider?: ProviderKind[]; place?: PlaceKind[] }>;
  sources: Source[];
  /** Setting paths the item depends on. */
  settings: string[];
  /** The item depends on a fact the notes mark unconfirmed (its own source or one of its settings). */
  unconfirmed: boolean;
  /** A boolean setting that switches the item on; `on` is its value under these settings. */
  gate?: { setting: string; on: boolean };
  note?: Text;
}

export interface SettingDescription {
  path: string;
  label: Text;
  value: unknown;
  default: unknown;
  changed: boolean;
  sources: Source[];
  note: Text;
  unconfirmed: boolean;
}

export interface StageDescription {
  id: StageId;
  label: Text;
  rule: Text;
  sources: Source[];
}

export interface ProtocolDescription {
  protocolVersion: string;
  settingsFingerprint: string;
  /** Setting paths that differ from the national defaults. */
  changedSettings: string[];
  programmes: Array<{ id: ProgrammeId; label: Text }>;
  stages: StageDescription[];
  items: ItemDescription[];
  settings: SettingDescription[];
  cutoffs: CutoffTable[];
  statuses: Array<{ id: string; label: Text; definition: Text }>;
}

const t = (id: string, en: string): Text => ({ id, en });
const join = (parts: Text[], sepId = '; ', sepEn = '; '): Text => t(parts.map((p) => p.id).join(sepId), parts.map((p) => p.en).join(sepEn));

/** "2 bulan", "1 tahun 6 bulan", "8 minggu"; an offset ending in −1 day reads as "before X". */
export function offsetText(o: Offset): Text {
  const parts: Array<[number | undefined, string, string]> = [[o.years, 'tahun', 'year'], [o.months, 'bulan', 'month'], [o.weeks, 'minggu', 'week']];
  const id: string[] = [];
  const en: string[] = [];
  for (const [n, wi, we] of parts) {
    if (!n) continue;
    id.push(`${n} ${wi}`);
    en.push(`${n} ${we}${Math.abs(n) === 1 ? '' : 's'}`);
  }
  const days = o.days ?? 0;
  if (days === -1 && id.length) return t(`< ${id.join(' ')}`, `< ${en.join(' ')}`);
  if (days) {
    id.push(`${days} hari`);
    en.push(`${days} day${Math.abs(days) === 1 ? '' : 's'}`);
  }
  return id.length ? t(id.join(' '), en.join(' ')) : t('lahir', 'birth');
}

const weeksDays = (day: number): Text => {
  const w = Math.floor(day / 7);
  const d = day % 7;
  return t(`${w} mgg${d ? ` ${d} hr` : ''}`, `${w} wk${d ? ` ${d} d` : ''}`);
};

const MONTHS = [t('Januari', 'January'), t('Februari', 'February'), t('Maret', 'March'), t('April', 'April'), t('Mei', 'May'), t('Juni', 'June'),
  t('Juli', 'July'), t('Agustus', 'August'), t('September', 'September'), t('Oktober', 'October'), t('November', 'November'), t('Desember', 'December')];

const CONDITION_WORDS: Record<ConditionKind | 'pregnant', Text> = {
  hypertension: t('hipertensi', 'hypertension'), diabetes: t('DM', 'diabetes'), tb: t('TBC (kasus indeks)', 'TB (index case)'),
  'tb-contact': t('kontak TBC', 'TB contact'), pus: t('PUS', 'PUS'), catin: t('catin', 'catin'), pregnant: t('hamil', 'pregnant'),
};

function ageWindow(earliest: Offset, due: Offset, latest: Offset): Text {
  const e = offsetText(earliest);
  const d = offsetText(due);
  const l = offsetText(latest);
  return t(`umur ${e.id} s.d. ${l.id}; tepat waktu s.d. ${d.id}`, `age ${e.en} to ${l.en}; on time to ${d.en}`);
}

export function windowText(tm: Timing): Text {
  switch (tm.kind) {
    case 'age':
      return ageWindow(tm.earliest, tm.due, tm.latest);
    case 'dose': {
      const base = ageWindow(tm.earliest, tm.due, tm.latest);
      if (!tm.after) return base;
      const i = offsetText(tm.after.minInterval);
      return t(`${base.id}; ≥ ${i.id} setelah dosis ${tm.after.dose}`, `${base.en}; ≥ ${i.en} after dose ${tm.after.dose}`);
    }
    case 'gestation': {
      const from = weeksDays(tm.fromDay);
      const to = tm.toDay === undefined ? t('persalinan', 'delivery') : weeksDays(tm.toDay);
      const due = tm.dueDay !== undefined && tm.dueDay !== tm.toDay ? weeksDays(tm.dueDay) : null;
      return t(
        `usia kehamilan ${from.id} s.d. ${to.id}${due ? `; tepat waktu s.d. ${due.id}` : ''}`,
        `gestational age ${from.en} to ${to.en}${due ? `; on time to ${due.en}` : ''}`,
      );
    }
    case 'delivery':
      return t('saat persalinan (tepat waktu s.d. HPL)', 'at delivery (on time to the estimated date)');
    case 'postpartum':
      return t(`hari ke-${tm.fromDay} s.d. ${tm.toDay} setelah persalinan`, `days ${tm.fromDay}–${tm.toDay} after delivery`);
    case 'monthly':
      return t('setiap bulan kalender', 'every calendar month');
    case 'months-of-year':
      return t(`setiap ${tm.months.map((m) => MONTHS[m - 1]!.id).join(' dan ')}`, `every ${tm.months.map((m) => MONTHS[m - 1]!.en).join(' and ')}`);
    case 'yearly':
      return t('setiap tahun kalender', 'every calendar year');
    case 'every': {
      const i = offsetText(tm.interval);
      return t(`setiap ${i.id} sejak pemeriksaan terakhir`, `every ${i.en} after the last one`);
    }
    case 'weekly':
      return t('setiap minggu (Senin–Minggu)', 'every week (Monday–Sunday)');
    case 'school-grade': {
      const g = tm.grades.join(', ');
      const m = tm.month !== undefined ? MONTHS[tm.month - 1]! : null;
      return t(
        `tahun ajaran kelas ${g}${m ? `; tepat waktu s.d. akhir ${m.id}` : ''}`,
        `the school year of grade ${g}${m ? `; on time to the end of ${m.en}` : ''}`,
      );
    }
    case 'condition-onset': {
      const c = CONDITION_WORDS[tm.condition];
      const d = offsetText(tm.due);
      return t(`dalam ${d.id} sejak ${c.id}`, `within ${d.en} of ${c.en}`);
    }
    case 'episode':
      return t(`sekali selama masa ${CONDITION_WORDS[tm.condition].id}`, `once while ${CONDITION_WORDS[tm.condition].en}`);
    case 'per-contact':
      return t('setiap kunjungan', 'at every contact');
  }
}

function eligibilityWords(e: Eligibility): Text {
  const parts: Text[] = [];
  if (e.sex) parts.push(e.sex === 'F' ? t('perempuan', 'female') : t('laki-laki', 'male'));
  if (e.ageFrom) {
    const o = offsetText(e.ageFrom);
    parts.push(t(`umur ≥ ${o.id}`, `age ≥ ${o.en}`));
  }
  if (e.ageTo) {
    const o = offsetText(e.ageTo);
    parts.push(t(`umur < ${o.id}`, `age < ${o.en}`));
  }
  if (e.conditions) parts.push(join(e.conditions.map((c) => CONDITION_WORDS[c]), ' atau ', ' or '));
  if (e.rule === 'dm-risk') parts.push(t('dengan faktor risiko (obesitas, obesitas sentral, tekanan darah tinggi)', 'with risk factors (obesity, central obesity, high blood pressure)'));
  if (e.rule === 'ever-pregnant-or-pus') parts.push(t('pernah hamil atau PUS', 'ever pregnant or PUS'));
  if (e.grades) parts.push(t(`kelas ${e.grades[0]}–${e.grades[1]}`, `grades ${e.grades[0]}–${e.grades[1]}`));
  return join(parts, ', ', ', ');
}

export function eligibilityText(spec: EligibilitySpec | undefined): Text | null {
  if (!spec) return null;
  if ('anyOf' in spec) return join(spec.anyOf.map(eligibilityWords), '; atau ', '; or ');
  return eligibilityWords(spec);
}

function settingAt(s: ProtocolSettings, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), s);
}

/** The setting's documentation entry (a nested path such as catchUpBeforeMonths.RV uses its parent's). */
function infoOf(path: string) {
  let p = path;
  while (p && !SETTING_INFO[p]) p = p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : '';
  return p ? SETTING_INFO[p] : undefined;
}

export function describeItem(item: ProtocolItem, s: ProtocolSettings): ItemDescription {
  const elig = eligibilityText(item.eligibility);
  const settings = item.settings ?? [];
  const unconfirmed = item.sources.some((x) => x.unconfirmed) || settings.some((p) => infoOf(p)?.sources.some((x) => x.unconfirmed));
  return {
    id: item.id, programme: item.programme, stage: item.stage, label: item.label,
    window: windowText(item.timing),
    who: elig ? t(`${item.who.id} (${elig.id})`, `${item.who.en} (${elig.en})`) : item.who,
    where: item.where, by: item.by ?? [],
    recordedAs: item.match.map((g) => ({
      concepts: g.concepts.map((c) => ({ concept: c, label: CONCEPTS[c].label })),
      ...(g.provider ? { provider: g.provider } : {}), ...(g.place ? { place: g.place } : {}),
    })),
    sources: item.sources, settings, unconfirmed,
    ...(item.gate ? { gate: { setting: item.gate, on: settingAt(s, item.gate) === true } } : {}),
    ...(item.note ? { note: item.note } : {}),
  };
}

const STATUS_DEFINITIONS: ProtocolDescription['statuses'] = [
  { id: 'upcoming', label: t('Akan datang', 'Upcoming'), definition: t('belum dilakukan; jendela belum dibuka', 'not done; the window has not opened') },
  { id: 'due', label: t('Jatuh tempo', 'Due'), definition: t('belum dilakukan; jendela terbuka dan batas tepat waktu belum lewat', 'not done; the window is open and the on-time date has not passed') },
  { id: 'overdue', label: t('Terlambat', 'Overdue'), definition: t('belum dilakukan; batas tepat waktu lewat tetapi jendela masih terbuka', 'not done; past the on-time date but the window is still open') },
  { id: 'done', label: t('Sudah', 'Done'), definition: t('ada catatan yang memenuhi di dalam jendela', 'a satisfying record lies inside the window') },
  { id: 'missed', label: t('Terlewat', 'Missed'), definition: t('jendela tertutup tanpa catatan yang memenuhi (atau tidak dapat lagi dicapai karena dosis sebelumnya terlambat)', 'the window closed without a satisfying record (or can no longer be reached because an earlier dose came late)') },
  { id: 'not_applicable', label: t('Tidak berlaku', 'Not applicable'), definition: t('pengaturan daerah menonaktifkan, atau kehamilan berakhir sebelum jendela dibuka', 'a district setting switches it off, or the pregnancy ended before the window opened') },
];

function settingPaths(v: unknown, prefix: string, out: string[]): void {
  if (prefix === 'windowOverrides' || prefix === 'immunization.catchUpBeforeMonths' || typeof v !== 'object' || v === null || Array.isArray(v)) {
    out.push(prefix);
    return;
  }
  for (const [k, x] of Object.entries(v)) settingPaths(x, prefix ? `${prefix}.${k}` : k, out);
}

export function describeProtocol(settings: ProtocolSettings = DEFAULT_SETTINGS): ProtocolDescription {
  const paths: string[] = [];
  settingPaths(DEFAULT_SETTINGS, '', paths);
  const changed = changedSettings(settings);
  return {
    protocolVersion: PROTOCOL_VERSION,
    settingsFingerprint: settingsFingerprint(settings),
    changedSettings: changed,
    programmes: PROGRAMMES.map((p) => ({ id: p.id, label: p.label })),
    stages: [
      ...AGE_STAGES.map((s) => {
        const from = offsetText(s.from);
        const to = s.to ? offsetText(s.to) : null;
        return { id: s.id, label: s.label, sources: s.sources, rule: t(`umur ${from.id}${to ? ` s.d. < ${to.id}` : ' ke atas'}`, `age ${from.en}${to ? ` to < ${to.en}` : ' and over'}`) };
      }),
      { id: WUS_STAGE.id, label: WUS_STAGE.label, sources: WUS_STAGE.sources, rule: t(`perempuan umur ${settings.wus.ageFrom} s.d. < ${settings.wus.ageTo} tahun`, `women aged ${settings.wus.ageFrom} to < ${settings.wus.ageTo}`) },
      ...CONDITION_STAGES.map((s) => ({ id: s.id, label: s.label, rule: s.rule, sources: s.sources })),
    ],
    items: catalogue(settings).map((i) => describeItem(i, settings)),
    settings: paths.map((path) => {
      const info = infoOf(path)!;
      const value = settingAt(settings, path);
      const def = settingAt(DEFAULT_SETTINGS, path);
      return {
        path, label: info.label, value, default: def, changed: changed.some((c) => c === path || c.startsWith(`${path}.`)),
        sources: info.sources, note: info.note, unconfirmed: info.sources.some((x) => x.unconfirmed),
      };
    }),
    cutoffs: [SRQ20_TABLE, SKILAS_TABLE, ADL_TABLE, PUMA_TABLE, ...BP_TABLES, ...TB_TABLES, FOUR_T_TABLE, KEK_TABLE, ...GLUCOSE_TABLES, IMT_TABLE],
    statuses: STATUS_DEFINITIONS,
  };
}
