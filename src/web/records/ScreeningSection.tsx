/**
 * Screenings: the questionnaires due for the person open by themselves, any
 * other can be added. Each shows its questions and the live result of the
 * core scorer (score, band, what to do); the server scores again on save.
 */
import { useState, type ReactNode } from 'react';
import { SelectField, TextField } from '../components/Field';
import { Icon } from '../components/Icon';
import { useI18n, type MessageKey } from '../i18n';
import { message } from '../../core/i18n/messages';
import { QUESTIONNAIRES, SCREENING_IDS, UNABLE, scoreAnswers, toAnswers, type Answers, type QuestionnaireDef, type ScreeningContext, type ScreeningId } from './questionnaires';
import { toneOf } from './tone';
import { ChoiceList, DueChip, ResultCard, Section, UnitField, YesNo } from './ui';
import type { SectionProps } from './section-props';

export function ScreeningSection({ draft, update, err, offers, screening }: SectionProps) {
  const { t } = useI18n();
  const [adding, setAdding] = useState('');
  const dueIds = [...new Set(offers.map((o) => o.screening!))];
  const added = (Object.keys(draft.screenings) as ScreeningId[]).filter((id) => !dueIds.includes(id));
  const shown = [...dueIds, ...added];
  const addable = SCREENING_IDS.filter((id) => !shown.includes(id));

  return (
    <Section title={t('fw.sec.screening')} testId="section-screening">
      {shown.map((id) => (
        <QuestionnaireForm
          key={id}
          def={QUESTIONNAIRES[id]}
          answers={draft.screenings[id] ?? {}}
          onAnswer={(k, v) => update((d) => void (d.screenings[id] = { ...(d.screenings[id] ?? {}), [k]: v }))}
          onRemove={dueIds.includes(id) ? undefined : () => update((d) => void delete d.screenings[id])}
          err={(f) => err(`screenings.${id}${f ? `.${f}` : ''}`)}
          ctx={screening}
          due={offers.filter((o) => o.screening === id).map((o) => <DueChip key={o.entry.key} label={o.entry.label} status={o.entry.status} />)}
        />
      ))}
      {addable.length > 0 && (
        <div className="fw-add-row">
          <SelectField
            label={t('fw.addScreening')}
            name="addScreening"
            filter
            value={adding}
            onValue={setAdding}
            placeholder={t('common.choose')}
            options={addable.map((id) => ({ value: id, label: t(QUESTIONNAIRES[id].title) }))}
          />
          <button
            type="button"
            className="btn btn-secondary"
            disabled={!adding}
            onClick={() => {
              const id = adding as ScreeningId;
              update((d) => void (d.screenings[id] ??= {}));
              setAdding('');
            }}
            data-testid="add-screening"
          >
            <Icon name="plus" />
            {t('common.add')}
          </button>
        </div>
      )}
    </Section>
  );
}

export function QuestionnaireForm({ def, answers, onAnswer, onRemove, err, ctx, due }: {
  def: QuestionnaireDef;
  answers: Answers;
  onAnswer: (key: string, value: string) => void;
  onRemove?: () => void;
  /** Error for a question key, or for the questionnaire with "". */
  err: (field: string) => string | null;
  ctx: ScreeningContext;
  due?: ReactNode;
}) {
  const { t, label, locale, number } = useI18n();
  const conv = toAnswers(def, answers, ctx);
  const score = conv.state === 'ready' ? scoreAnswers(def.id, conv.answers) : null;
  const answered = def.questions.filter((q) => (answers[q.key] ?? '').trim() !== '').length;
  const text = (key: MessageKey, params?: Record<string, string | number>) => t(key, params);

  return (
    <div className="fw-questionnaire" data-testid={`questionnaire-${def.id}`}>
      <div className="fw-q-head">
        <h4>{t(def.title)}</h4>
        <span className="small muted">{t('fw.answered', { n: answered, total: def.questions.length })}</span>
        {onRemove && (
          <button type="button" className="linkbtn small" onClick={onRemove}>
            {t('common.remove')}
          </button>
        )}
      </div>
      {due && <div className="fw-section-due">{due}</div>}
      {def.intro && <p className="small muted">{t(def.intro, def.introParams)}</p>}
      <ol className="fw-q-list">
        {def.questions.map((q) => {
          const e = err(q.key);
          return (
            <li key={q.key}>
              {q.kind === 'yesno' && <YesNo label={text(q.label, q.params)} name={`${def.id}.${q.key}`} value={answers[q.key] ?? ''} onValue={(v) => onAnswer(q.key, v)} error={e} />}
              {q.kind === 'choice' && (
                <ChoiceList
                  label={text(q.label)}
                  name={`${def.id}.${q.key}`}
                  value={answers[q.key] ?? ''}
                  onValue={(v) => onAnswer(q.key, v)}
                  options={q.options.map((o) => ({ value: o.value, label: t(o.label) }))}
                  error={e}
                />
              )}
              {q.kind === 'number' && (
                <div className="fw-q-number">
                  {answers[q.key] === UNABLE ? (
                    <p className="fw-question-text">
                      {text(q.label, q.params)}: <strong>{q.unableLabel ? t(q.unableLabel) : ''}</strong>
                    </p>
                  ) : (
                    <UnitField
                      label={text(q.label, q.params)}
                      name={`${def.id}.${q.key}`}
                      unit={q.unit}
                      integer={q.integer}
                      required={!q.optional}
                      value={answers[q.key] ?? ''}
                      onValue={(v) => onAnswer(q.key, v)}
                      error={e}
                      hint={q.hint ? t(q.hint) : undefined}
                    />
                  )}
                  {q.unableLabel && (
                    <label className="check">
                      <input type="checkbox" checked={answers[q.key] === UNABLE} onChange={(ev) => onAnswer(q.key, ev.target.checked ? UNABLE : '')} />
                      <span>{t(q.unableLabel)}</span>
                    </label>
                  )}
                </div>
              )}
              {q.kind === 'date' && (
                <TextField
                  label={text(q.label)}
                  name={`${def.id}.${q.key}`}
                  type="date"
                  max={ctx.on}
                  value={answers[q.key] ?? ''}
                  onValue={(v) => onAnswer(q.key, v)}
                  error={e}
                  hint={q.hint ? t(q.hint) : undefined}
                />
              )}
            </li>
          );
        })}
      </ol>
      {err('') && <p className="field-error" data-testid={`error-screening-${def.id}`}>{err('')}</p>}
      {score?.ok && (
        <ResultCard
          title={t('fw.result')}
          band={label(score.result.label)}
          detail={score.result.score !== undefined ? t('fw.score', { score: number(score.result.score) }) : undefined}
          followUp={label(score.result.followUp)}
          tone={toneOf(score.result.band)}
          testId={`result-${def.id}`}
        />
      )}
      {score && !score.ok && (
        <p className="field-warning">{score.issues.map((i) => message(i, locale)).join(' ')}</p>
      )}
      {conv.state === 'ready' && score === null && (
        <ResultCard title={t('fw.result')} band={t('fw.scoredByServer')} tone="neutral" testId={`result-${def.id}`} />
      )}
    </div>
  );
}
