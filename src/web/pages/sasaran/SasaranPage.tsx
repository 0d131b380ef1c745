import { useEffect, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useI18n, type MessageKey } from '../../i18n';
import { useMe } from '../../auth/AuthContext';
import { Alert, Badge, Card, Empty, ErrorState, Loading, PageHeader, useErrorText } from '../../components/ui';
import { AreaPicker } from '../../components/AreaPicker';
import { SelectField } from '../../components/Field';
import { Icon } from '../../components/Icon';
import { useToast } from '../../components/Toast';
import { useAsync } from '../../lib/useAsync';
import { scopeRoot } from '../../lib/scope';
import { ApiError } from '../../api/client';
import {
  getIndicatorSettings, getSasaran, putIndicatorSettings, putSasaran,
  type IndicatorSettingsView, type SasaranGroup, type SasaranResponse, type SasaranRow,
} from '../../api/sasaran';
import { kabCodeOf, levelOf, villageOf } from '../../../core/areas/codes';
import { todayIn } from '../../../core/time/dates';

const AT_OR_BELOW_VILLAGE = new Set(['village', 'dusun', 'rw', 'rt']);

/**
 * Target groups (sasaran) of a desa and year, the two denominators side by
 * side: the estimate from the population (or the district's figure) and the
 * by-name register; the gap is people still to find. Dinkes sets a desa's
 * figures and the district's rates and colour thresholds here.
 */
export function SasaranPage() {
  const me = useMe();
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const root = scopeRoot(me);
  const fixedVillage = AT_OR_BELOW_VILLAGE.has(levelOf(root) ?? '') ? villageOf(root) : null;
  const village = fixedVillage ?? params.get('area') ?? '';
  const thisYear = Number(todayIn().slice(0, 4));
  const yearParam = Number(params.get('year'));
  const year = yearParam >= thisYear - 1 && yearParam <= thisYear ? yearParam : thisYear;
  const canEdit = me.role === 'dinkes' || me.role === 'admin';
  const kab = kabCodeOf(village || root);

  function set(next: Record<string, string | null>) {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v === null || v === '') p.delete(k);
      else p.set(k, v);
    }
    setParams(p, { replace: true });
  }

  return (
    <div className="page sasaran-page">
      <PageHeader eyebrow={t('sas.eyebrow')} title={t('sas.title')} sub={t('sas.sub')} />
      <Card className="sasaran-controls">
        <div className="sasaran-filters">
          {!fixedVillage && (
            <AreaPicker
              label={t('sas.village')}
              name="area"
              value={village}
              rootCode={root}
              selectableLevels={['village']}
              within={me.scope.length ? me.scope.map((s) => s.code) : undefined}
              onChange={(code) => set({ area: code || null })}
              hint={t('sas.villageHint')}
              required
            />
          )}
          <SelectField
            label={t('sas.year')}
            name="year"
            filter
            value={String(year)}
            onValue={(v) => set({ year: v === String(thisYear) ? null : v })}
            options={[thisYear, thisYear - 1].map((y) => ({ value: String(y), label: String(y) }))}
          />
        </div>
      </Card>
      {village ? <SasaranTable village={village} year={year} canEdit={canEdit} /> : <Empty title={t('sas.pickVillage')} icon="map" />}
      {kab && <RatesCard kab={kab} canEdit={canEdit} />}
    </div>
  );
}

function SasaranTable({ village, year, canEdit }: { village: string; year: number; canEdit: boolean }) {
  const { t, number } = useI18n();
  const res = useAsync(() => getSasaran(village, year), [village, year]);
  const [data, setData] = useState<SasaranResponse | null>(null);
  useEffect(() => setData(res.data ?? null), [res.data]);
  const [draft, setDraft] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const toast = useToast();
  const errorText = useErrorText();
  const [formError, setFormError] = useState<string | null>(null);

  useEffect(() => {
    setDraft(Object.fromEntries((res.data?.groups ?? []).map((g) => [g.group, g.override === null ? '' : String(g.override)])));
    setErrors({});
  }, [res.data]);

  if (res.loading && !data) return <Loading />;
  if (res.error) return <ErrorState error={res.error} onRetry={res.reload} />;
  if (!data) return null;
  const noPopulation = data.groups.every((g) => g.estimated === null);

  async function save(e: FormEvent) {
    e.preventDefault();
    const values: Partial<Record<SasaranGroup, number | null>> = {};
    const errs: Record<string, string> = {};
    for (const g of data!.groups) {
      const raw = (draft[g.group] ?? '').trim().replace(/\./g, '');
      const before = g.override === null ? '' : String(g.override);
      if (raw === before) continue;
      if (raw === '') values[g.group] = null;
      else if (/^\d+$/.test(raw)) values[g.group] = Number(raw);
      else errs[g.group] = t('sas.overrideHint');
    }
    setErrors(errs);
    if (Object.keys(errs).length || Object.keys(values).length === 0) return;
    setSaving(true);
    setFormError(null);
    try {
      setData(await putSasaran(village, year, values));
      toast(t('sas.saved'));
    } catch (err) {
      if (err instanceof ApiError && Object.keys(err.fields).length) {
        setErrors(Object.fromEntries(Object.entries(err.fields).map(([k, v]) => [k.replace(/^values\./, ''), v])));
      }
      setFormError(errorText(err));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form onSubmit={save} noValidate>
      <Card title={t('sas.tableTitle', { year })} flush>
        {noPopulation && (
          <div className="sasaran-note">
            <Alert tone="info">{t('sas.noPopulation')}</Alert>
          </div>
        )}
        <div className="table-scroll">
          <table className="plain-table sasaran-table" data-testid="sasaran-table">
            <thead>
              <tr>
                <th>{t('sas.col.group')}</th>
                <th className="num">{t('sas.col.estimated')}</th>
                <th className="num">{t('sas.col.override')}</th>
                <th className="num">{t('sas.col.value')}</th>
                <th>{t('sas.col.register')}</th>
                <th className="num">{t('sas.col.gap')}</th>
                <th>{t('sas.col.lists')}</th>
              </tr>
            </thead>
            <tbody>
              {data.groups.map((g) => (
                <GroupRow key={g.group} g={g} village={village} year={year} canEdit={canEdit} value={draft[g.group] ?? ''} error={errors[g.group]}
                  onValue={(v) => setDraft((d) => ({ ...d, [g.group]: v }))} number={number} />
              ))}
            </tbody>
          </table>
        </div>
        {canEdit && (
          <SaveBar error={formError} saving={saving} label={t('sas.save')} testId="sasaran-save" />
        )}
      </Card>
    </form>
  );
}

function GroupRow({ g, village, year, canEdit, value, error, onValue, number }: {
  g: SasaranRow; village: string; year: number; canEdit: boolean; value: string; error?: string; onValue: (v: string) => void; number: (n: number | null) => string;
}) {
  const { t } = useI18n();
  const share = g.value ? Math.min(100, (g.register / g.value) * 100) : null;
  const period = year === Number(todayIn().slice(0, 4)) ? todayIn().slice(0, 7) : `${year}-12`;
  return (
    <tr data-group={g.group}>
      <th scope="row">{t(`sas.group.${g.group}` as MessageKey)}</th>
      <td className="num" data-label={t('sas.col.estimated')}>{number(g.estimated)}</td>
      <td className="num" data-label={t('sas.col.override')}>
        {canEdit ? (
          <>
            <input className="input sasaran-input" inputMode="numeric" aria-label={`${t('sas.col.override')}: ${t(`sas.group.${g.group}` as MessageKey)}`}
              aria-invalid={!!error || undefined} value={value} onChange={(e) => onValue(e.target.value)} placeholder={g.estimated === null ? '' : String(g.estimated)} name={`override-${g.group}`} />
            {error && <span className="field-error small">{error}</span>}
          </>
        ) : (
          number(g.override)
        )}
      </td>
      <td className="num" data-label={t('sas.col.value')}><strong>{number(g.value)}</strong></td>
      <td data-label={t('sas.col.register')}>
        <div className="sasaran-reg">
          <span className="num">{number(g.register)}</span>
          {share !== null && (
            <span className="sasaran-bar" role="img" aria-label={t('sas.registerBar', { register: number(g.register), value: number(g.value) })}>
              <span style={{ width: `${share}%` }} />
            </span>
          )}
        </div>
      </td>
      <td className="num" data-label={t('sas.col.gap')}>{g.gap ? <Badge tone="warning">{number(g.gap)}</Badge> : number(g.gap)}</td>
      <td className="sasaran-links">
        {g.indicators.slice(0, 1).map((id) => (
          <Link key={id} className="small" to={`/pws/people?ind=${encodeURIComponent(id)}&area=${encodeURIComponent(village)}&period=${period}&which=missed`}>
            {t('sas.missedList')}
          </Link>
        ))}
      </td>
    </tr>
  );
}

function RatesCard({ kab, canEdit }: { kab: string; canEdit: boolean }) {
  const { t, locale } = useI18n();
  const res = useAsync(() => getIndicatorSettings(kab), [kab]);
  const [view, setView] = useState<IndicatorSettingsView | null>(null);
  const [draft, setDraft] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const toast = useToast();
  const errorText = useErrorText();
  const [formError, setFormError] = useState<string | null>(null);

  useEffect(() => {
    const v = res.data ?? null;
    setView(v);
    if (v) setDraft({ ...Object.fromEntries(v.rates.map((r) => [r.key, String(r.value)])), green: String(v.thresholds.green), yellow: String(v.thresholds.yellow) });
  }, [res.data]);

  if (res.loading && !view) return <Loading />;
  if (res.error) return res.error instanceof ApiError && res.error.status === 403 ? null : <ErrorState error={res.error} onRetry={res.reload} />;
  if (!view) return null;

  const num = (s: string | undefined) => Number((s ?? '').trim().replace(',', '.'));

  async function save(e: FormEvent) {
    e.preventDefault();
    const rates: Record<string, number | null> = {};
    for (const r of view!.rates) {
      const v = num(draft[r.key]);
      // A value back at the default is not an override.
      if (Number.isFinite(v) && v !== r.default) rates[r.key] = v;
    }
    setSaving(true);
    setFormError(null);
    setErrors({});
    try {
      const next = await putIndicatorSettings(kab, { rates, thresholds: { green: num(draft.green), yellow: num(draft.yellow) } });
      setView(next);
      toast(t('sas.ratesSaved'));
    } catch (err) {
      if (err instanceof ApiError) setErrors(Object.fromEntries(Object.entries(err.fields).map(([k, v]) => [k.replace(/^(rates|thresholds)\./, ''), v])));
      setFormError(errorText(err));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form onSubmit={save} noValidate>
      <Card title={t('sas.ratesTitle', { kab })}>
        <p className="small muted">{t('sas.ratesSub')}</p>
        {/* Open for those who set them; a reader opens it when they want to know where an estimate comes from. */}
        <details className="sasaran-details" open={canEdit}>
        <summary>{t('sas.ratesShow', { n: view.rates.length })}</summary>
        <ul className="sasaran-rates" data-testid="sasaran-rates">
          {view.rates.map((r) => (
            <li key={r.key}>
              <div className="sasaran-rate-head">
                <strong>{locale === 'en' ? r.label.en : r.label.id}</strong>
                <Badge tone={r.evidence === 'confirmed' ? 'success' : 'warning'}>{t(r.evidence === 'confirmed' ? 'sas.confirmed' : 'sas.unverified')}</Badge>
                {r.overridden && <Badge tone="info">{t('sas.rateOwn')}</Badge>}
              </div>
              <div className="sasaran-rate-value">
                {canEdit ? (
                  <input className="input sasaran-input" inputMode="decimal" name={`rate-${r.key}`} aria-label={`${t('sas.rate')}: ${locale === 'en' ? r.label.en : r.label.id}`}
                    aria-invalid={!!errors[r.key] || undefined} value={draft[r.key] ?? ''} onChange={(e) => setDraft((d) => ({ ...d, [r.key]: e.target.value }))} />
                ) : (
                  <span className="mono">{r.value}</span>
                )}
                <span className="small muted">{t('sas.rateDefault', { value: String(r.default) })}</span>
              </div>
              {errors[r.key] && <p className="field-error small">{errors[r.key]}</p>}
              <p className="small muted sasaran-source">{t('sas.source')}: {r.source}</p>
            </li>
          ))}
        </ul>
        <fieldset className="sasaran-thresholds">
          <legend className="label">{t('sas.thresholds')}</legend>
          {(['green', 'yellow'] as const).map((k) => (
            <label key={k} className={`sasaran-threshold sasaran-threshold-${k}`}>
              <span>{t(k === 'green' ? 'sas.green' : 'sas.yellow')}</span>
              {canEdit ? (
                <input className="input sasaran-input" inputMode="decimal" name={`threshold-${k}`} aria-invalid={!!errors[k] || undefined}
                  value={draft[k] ?? ''} onChange={(e) => setDraft((d) => ({ ...d, [k]: e.target.value }))} />
              ) : (
                <strong>{view.thresholds[k]}</strong>
              )}
              <span>%</span>
              {errors[k] && <span className="field-error small">{errors[k]}</span>}
            </label>
          ))}
        </fieldset>
        </details>
        {canEdit && (
          <SaveBar error={formError} saving={saving} label={t('sas.saveRates')} testId="rates-save" />
        )}
      </Card>
    </form>
  );
}

/** The end of a form: the error in words, and the save button. */
function SaveBar({ error, saving, label, testId }: { error: string | null; saving: boolean; label: string; testId: string }) {
  return (
    <div className="sasaran-actions">
      {error && <p className="field-error" role="alert">{error}</p>}
      <button type="submit" className="btn" disabled={saving} data-testid={testId}>
        <Icon name="check" />
        {label}
      </button>
    </div>
  );
}
