/**
 * Records one visit: the forms for what is due (and any other the user adds),
 * one save that sends every event with ids made here, warnings confirmed
 * explicitly, the server's field errors beside the inputs, and the draft kept
 * on the device until the server has it.
 */
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useI18n, type MessageKey } from '../i18n';
import { ApiError } from '../api/client';
import { personEvents, recordVisit, type PlaceKind, type ScheduleView, type VisitResult } from '../api/visits';
import { Alert, useErrorText } from '../components/ui';
import { ConfirmWarnings } from '../components/ConfirmWarnings';
import { Icon } from '../components/Icon';
import { LOINC } from '../../core/codes/loinc';
import { ageInDays, completedYears } from '../../core/time/dates';
import { WHO2006_LAST_DAY } from '../../core/anthropometry/who-rules';
import { buildEvents, fieldForServerPath, type DraftIssue, type TaggedEvent } from './build-events';
import { offersFor, sectionsOf, type DueOffer, type SectionId } from './due-offers';
import { clearDraft, draftKey, loadDraft, pruneDrafts, saveDraft } from './draft-store';
import { SlotIds } from './ids';
import { emptyDraft, type VisitDraft, type VisitPerson } from './visit-draft';
import type { ScreeningContext } from './questionnaires';
import type { SectionProps } from './section-props';
import { useIssueText } from './ui';
import { useAnthro } from './anthro-preview';
import { message } from '../../core/i18n/messages';
import type { RecordEvent } from '../../core/records/types';
import { MeasureSection } from './MeasureSection';
import { VitalsSection } from './VitalsSection';
import { ImmunizationSection } from './ImmunizationSection';
import { ServicesSection, SupplementsSection } from './ServiceSections';
import { ScreeningSection } from './ScreeningSection';
import { AncSection, DeliverySection, PostnatalSection, PregnancySection } from './MaternalSections';
import { DiagnosisSection, NoteSection } from './NoteSections';

export interface VisitRecorderProps {
  person: VisitPerson;
  schedule: ScheduleView | null;
  placeKind: PlaceKind;
  facilityId?: string | null;
  sessionId?: string | null;
  /** The visit date. */
  on: string;
  /** Only these sections (a Posyandu step); default: everything due, plus what the user adds. */
  only?: SectionId[];
  /** Sections open from the start even when nothing in them is due. */
  open?: SectionId[];
  onSaved: (r: VisitResult) => void;
  saveLabel?: string;
  /** Puts a note section titled this way first (counselling). */
  noteTitle?: string;
}

const ALL_SECTIONS: SectionId[] = ['measure', 'vitals', 'screening', 'pregnancy', 'immunization', 'supplements', 'anc', 'postnatal', 'services', 'delivery', 'diagnosis', 'note'];

/** From this many open sections on, the form starts with a row of links to them. */
const JUMP_MIN_SECTIONS = 4;

const SECTION_TITLE: Record<SectionId, MessageKey> = {
  measure: 'fw.sec.measure',
  vitals: 'fw.sec.vitals',
  immunization: 'fw.sec.immunization',
  supplements: 'fw.sec.supplements',
  services: 'fw.sec.services',
  screening: 'fw.sec.screening',
  pregnancy: 'fw.sec.pregnancy',
  anc: 'fw.sec.anc',
  postnatal: 'fw.sec.postnatal',
  delivery: 'fw.sec.delivery',
  diagnosis: 'fw.sec.diagnosis',
  note: 'fw.sec.note',
};

/** Sections that hold something typed (so they never disappear under the user's hands). */
function filledSections(d: VisitDraft): SectionId[] {
  const out: SectionId[] = [];
  if (Object.values(d.measure).some((v) => v && v !== 'l' && v !== 'h')) out.push('measure');
  if ([d.vitals.systolic, d.vitals.diastolic, d.vitals.glucose, d.vitals.hb, d.vitals.waist].some((v) => v.trim())) out.push('vitals');
  if (Object.keys(d.screenings).length) out.push('screening');
  if (d.pregnancy.register) out.push('pregnancy');
  if (d.vaccines.length) out.push('immunization');
  if (d.supplements.vitaminA || d.supplements.deworming || d.supplements.ttd.trim()) out.push('supplements');
  if (d.anc.slot) out.push('anc');
  if (d.postnatal.code) out.push('postnatal');
  if (Object.values(d.services).some((s) => s.done)) out.push('services');
  if (d.delivery.record) out.push('delivery');
  if (d.diagnoses.length) out.push('diagnosis');
  if (d.note.trim()) out.push('note');
  return out;
}

export function VisitRecorder({ person, schedule, placeKind, facilityId, sessionId, on, only, open, onSaved, saveLabel, noteTitle }: VisitRecorderProps) {
  const { t, date, locale } = useI18n();
  const errorText = useErrorText();
  const issueText = useIssueText();
  const key = draftKey(person.id, sessionId, on);
  const stored = useMemo(() => {
    pruneDrafts();
    return loadDraft(key);
  }, [key]);
  const [draft, setDraft] = useState<VisitDraft>(() => stored?.draft ?? emptyDraft());
  const ids = useRef<SlotIds>(stored?.ids ?? new SlotIds());
  const [extra, setExtra] = useState<SectionId[]>(() => (stored?.sections ?? []) as SectionId[]);
  const [restored, setRestored] = useState<number | null>(stored ? stored.savedAt : null);
  const [clientErrors, setClientErrors] = useState<Record<string, DraftIssue>>({});
  const [showClientErrors, setShowClientErrors] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [serverWarnings, setServerWarnings] = useState<{ code: string; field: string; message: string }[]>([]);
  const [confirmed, setConfirmed] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [weights, setWeights] = useState<RecordEvent[] | undefined>(undefined);
  const formRef = useRef<HTMLFormElement>(null);
  const lastTagged = useRef<TaggedEvent[]>([]);

  const years = completedYears(person.birthDate, on);
  const child = ageInDays(person.birthDate, on) <= WHO2006_LAST_DAY;
  const screening: ScreeningContext = useMemo(() => {
    const hpht = schedule?.pregnancy?.hpht ?? null;
    return {
      sex: person.sex,
      ageYears: years,
      on,
      ...(hpht ? { pregnancyStart: hpht, ageAtPregnancyStart: completedYears(person.birthDate, hpht) } : {}),
    };
  }, [person.sex, person.birthDate, years, on, schedule]);

  const offers = useMemo(() => offersFor(schedule?.entries ?? []), [schedule]);
  const restrict = (s: SectionId[]) => (only ? s.filter((x) => only.includes(x)) : s);
  const dueSections = restrict(sectionsOf(offers));
  const shown = ALL_SECTIONS.filter((s) => dueSections.includes(s) || restrict(open ?? []).includes(s) || restrict(extra).includes(s) || restrict(filledSections(draft)).includes(s));
  const addable = restrict(ALL_SECTIONS).filter((s) => !shown.includes(s));

  // Keep the draft on the device while it is being typed.
  useEffect(() => {
    const h = setTimeout(() => {
      if (filledSections(draft).length || extra.length) saveDraft(key, { draft, ids: ids.current, sections: extra });
    }, 300);
    return () => clearTimeout(h);
  }, [draft, extra, key]);

  // Earlier weighings: the growth direction of a child, and core's weight-change warning.
  useEffect(() => {
    let live = true;
    personEvents(person.id, { kind: 'measurement', code: LOINC.weight }).then(
      (events) => live && setWeights(events.map((e) => ({ id: e.id, codeSystem: e.system, code: e.code, occurredOn: e.occurredOn, valueNum: e.valueNum, value: e.value, supersedesId: e.supersedesId }))),
      () => live && setWeights(undefined),
    );
    return () => {
      live = false;
    };
  }, [person.id]);
  const previousWeight = useMemo(() => {
    if (weights === undefined) return undefined;
    const superseded = new Set(weights.map((w) => w.supersedesId).filter(Boolean));
    const prior = weights
      .filter((w) => !superseded.has(w.id) && w.occurredOn < on && typeof w.valueNum === 'number')
      .sort((a, b) => b.occurredOn.localeCompare(a.occurredOn))[0];
    return prior ? { date: prior.occurredOn, weightKg: prior.valueNum! } : null;
  }, [weights, on]);
  const anthro = useAnthro(child);
  const refs = useMemo(() => anthro?.approximateGrowthReferences() ?? null, [anthro]);

  const update = (fn: (d: VisitDraft) => void) => {
    setDraft((d) => {
      const next = structuredClone(d);
      fn(next);
      return next;
    });
    setConfirmed(false);
    setFormError(null);
  };

  // Client checks follow the draft once a save was tried; server errors stay until the next save.
  const buildCtx = { person, on, ids: ids.current, screening, history: weights ?? [], refs };
  const built = useMemo(() => buildEvents(draft, buildCtx), [draft, person, on, screening, weights, refs]); // eslint-disable-line react-hooks/exhaustive-deps
  const liveClient = showClientErrors ? built.errors : clientErrors;
  const err = (field: string): string | null => serverErrors[field] ?? issueText(liveClient[field]) ?? null;
  // Core's plausibility warnings as the kader types; the server's answer adds any the browser could not see.
  const warnings = useMemo(() => {
    const mine = built.warnings.map((w) => ({ code: w.code, field: w.field, message: message({ code: w.code, ...(w.params ? { params: w.params } : {}) }, locale) }));
    return [...mine, ...serverWarnings.filter((s) => !mine.some((m) => m.code === s.code && m.field === s.field))];
  }, [built.warnings, serverWarnings, locale]);
  const warnOf = (field: string): string[] => warnings.filter((w) => w.field === field).map((w) => w.message);

  function focusFirstError() {
    requestAnimationFrame(() => {
      const el = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], .field-error');
      el?.scrollIntoView({ block: 'center' });
      if (el && 'focus' in el) (el.matches('input,select,textarea') ? el : el.querySelector<HTMLElement>('input,select,textarea'))?.focus();
    });
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFormError(null);
    setShowClientErrors(true);
    setServerErrors({});
    const b = buildEvents(draft, buildCtx);
    setClientErrors(b.errors);
    if (Object.keys(b.errors).length) {
      setFormError(b.errors._ ? issueText(b.errors._) : t('form.fixErrors'));
      focusFirstError();
      return;
    }
    if (warnings.length && !confirmed) {
      setFormError(t('form.confirmFirst'));
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLInputElement>('input[name="confirmWarnings"]')?.focus());
      return;
    }
    lastTagged.current = b.events;
    setBusy(true);
    try {
      const r = await recordVisit({
        id: ids.current.visitId,
        personId: person.id,
        occurredOn: on,
        placeKind,
        ...(facilityId ? { facilityId } : {}),
        ...(sessionId ? { sessionId } : {}),
        events: b.events.map((x) => x.event),
        ...(confirmed && warnings.length ? { confirm: [...new Set(warnings.map((w) => w.code))] } : {}),
      });
      clearDraft(key);
      ids.current = new SlotIds();
      setDraft(emptyDraft());
      setExtra([]);
      setServerWarnings([]);
      setConfirmed(false);
      setShowClientErrors(false);
      setClientErrors({});
      setRestored(null);
      onSaved(r);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'needs_confirmation') {
        setServerWarnings(error.warnings.map((w) => ({ code: w.code, field: fieldForServerPath(w.field ?? '_', b.events), message: w.message })));
        setConfirmed(false);
        setFormError(error.message);
        requestAnimationFrame(() => formRef.current?.querySelector('[data-testid="confirm-warnings"]')?.scrollIntoView({ block: 'center' }));
      } else if (error instanceof ApiError && Object.keys(error.fields).length) {
        const mapped: Record<string, string> = {};
        for (const [path, msg] of Object.entries(error.fields)) {
          const f = fieldForServerPath(path, b.events);
          mapped[f] = mapped[f] ? `${mapped[f]} ${msg}` : msg;
        }
        setServerErrors(mapped);
        setFormError(mapped._ ?? error.message);
        focusFirstError();
      } else if (error instanceof ApiError && error.isNetwork) {
        setFormError(t('fw.savedLocally'));
      } else {
        setFormError(errorText(error));
      }
    } finally {
      setBusy(false);
    }
  }

  const props: SectionProps = { draft, update, err, warn: warnOf, offers: [], person, on, screening };
  const offersOf = (s: SectionId): DueOffer[] => offers.filter((o) => o.section === s);
  const section = (s: SectionId) => {
    const p = { ...props, offers: offersOf(s), key: s };
    switch (s) {
      case 'measure':
        return <MeasureSection {...p} previousWeight={previousWeight} />;
      case 'vitals':
        return <VitalsSection {...p} />;
      case 'immunization':
        return <ImmunizationSection {...p} />;
      case 'supplements':
        return <SupplementsSection {...p} showAll={extra.includes('supplements') || (open ?? []).includes('supplements')} />;
      case 'services':
        return <ServicesSection {...p} />;
      case 'screening':
        return <ScreeningSection {...p} />;
      case 'pregnancy':
        return <PregnancySection {...p} />;
      case 'anc':
        return <AncSection {...p} />;
      case 'postnatal':
        return <PostnatalSection {...p} />;
      case 'delivery':
        return <DeliverySection {...p} />;
      case 'diagnosis':
        return <DiagnosisSection {...p} />;
      case 'note':
        return <NoteSection {...p} title={noteTitle} />;
    }
  };

  return (
    <form ref={formRef} className="form fw-recorder" onSubmit={submit} noValidate data-testid="visit-recorder">
      {restored !== null && (
        <Alert tone="info">
          <span data-testid="draft-restored">{t('fw.draftRestored', { time: date(new Date(restored).toISOString()) })}</span>{' '}
          <button
            type="button"
            className="linkbtn"
            onClick={() => {
              clearDraft(key);
              ids.current = new SlotIds();
              setDraft(emptyDraft());
              setExtra([]);
              setRestored(null);
            }}
          >
            {t('fw.discardDraft')}
          </button>
        </Alert>
      )}

      {shown.length === 0 && <p className="muted" data-testid="nothing-due">{t('fw.nothingDueHere')}</p>}
      {shown.length >= JUMP_MIN_SECTIONS && (
        // A long form (a woman near term opens many sections: thousands of pixels on a phone): one tap to each.
        <nav className="fw-jump" aria-label={t('fw.jumpTo')} data-testid="section-jump">
          <span className="small muted">{t('fw.jumpTo')}</span>
          <div className="fw-add-buttons">
            {shown.map((s) => {
              const n = offersOf(s).length;
              return (
                <button
                  key={s}
                  type="button"
                  className="btn btn-ghost btn-sm fw-jump-btn"
                  onClick={() => formRef.current?.querySelector(`[data-testid="section-${s}"]`)?.scrollIntoView({ block: 'start', behavior: 'smooth' })}
                  data-testid={`jump-${s}`}
                >
                  {t(SECTION_TITLE[s])}
                  {n > 0 && <span className="fw-jump-count">{n}</span>}
                </button>
              );
            })}
          </div>
        </nav>
      )}
      {shown.map((s) => section(s))}

      {addable.length > 0 && (
        <div className="fw-add-sections" aria-label={t('fw.addMore')}>
          <span className="small muted">{t('fw.addMore')}</span>
          <div className="fw-add-buttons">
            {addable.map((s) => (
              <button key={s} type="button" className="btn btn-secondary btn-sm" onClick={() => setExtra((x) => [...x, s])} data-testid={`add-section-${s}`}>
                <Icon name="plus" />
                {t(SECTION_TITLE[s])}
              </button>
            ))}
          </div>
        </div>
      )}

      <ConfirmWarnings messages={warnings.map((w) => w.message)} checked={confirmed} onChecked={setConfirmed} />
      {formError && (
        <Alert tone="error">
          <span data-testid="form-error">{formError}</span>
        </Alert>
      )}
      <div className="form-actions fw-save">
        <button type="submit" className="btn" disabled={busy} data-testid="save-visit">
          <Icon name="check" />
          {busy ? t('common.saving') : (saveLabel ?? t('fw.saveVisit'))}
        </button>
      </div>
    </form>
  );
}
