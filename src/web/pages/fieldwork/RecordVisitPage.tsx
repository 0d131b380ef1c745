/**
 * "Catat kunjungan" for one person (/people/:id/visit): what is due now for
 * the person's stage, the recording forms, and what was saved. Query
 * parameters: place (posyandu, home, …), session (a Posyandu day or a home
 * visit the visit belongs to), back (where "done" returns to).
 */
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useMe } from '../../auth/AuthContext';
import { useI18n } from '../../i18n';
import { useAsync } from '../../lib/useAsync';
import { getPerson } from '../../api/people';
import { personSchedule, type PlaceKind, type ScheduleView, type VisitResult } from '../../api/visits';
import type { PersonDetail } from '../../api/types';
import { Alert, Badge, Breadcrumbs, Card, ErrorState, Loading, PageHeader } from '../../components/ui';
import { RadioGroupField, TextField } from '../../components/Field';
import { Icon } from '../../components/Icon';
import { useToast } from '../../components/Toast';
import { ageLabel } from '../../lib/format';
import { todayIn } from '../../../core/time/dates';
import { VisitRecorder } from '../../records/VisitRecorder';
import { ACTIONABLE } from '../../records/due-offers';
import { DueItemsList, SavedVisit, defaultPlaceKind } from './shared';
import { PregnancyLine, StageBadges } from './person-bits';
// Its own stylesheet: a page opened directly must not depend on the recording forms having loaded it.
import '../../styles/fieldwork.css';

const PLACES: PlaceKind[] = ['posyandu', 'pustu', 'puskesmas', 'home', 'school', 'other'];

export function RecordVisitPage() {
  const { id = '' } = useParams();
  const person = useAsync(() => getPerson(id), [id]);
  if (person.loading && !person.data) return <Loading />;
  if (person.error || !person.data) return <ErrorState error={person.error} onRetry={person.reload} />;
  return <RecordVisit key={id} detail={person.data} />;
}

function RecordVisit({ detail }: { detail: PersonDetail }) {
  const me = useMe();
  const { t } = useI18n();
  const toast = useToast();
  const [params] = useSearchParams();
  const p = detail.person;
  const today = todayIn();
  const placeParam = params.get('place') as PlaceKind | null;
  const sessionId = params.get('session');
  const back = params.get('back');
  const [placeKind, setPlaceKind] = useState<PlaceKind>(placeParam && PLACES.includes(placeParam) ? placeParam : defaultPlaceKind(me));
  const [on, setOn] = useState(today);
  // The schedule on the visit date: a visit recorded late is judged on its own day.
  const sched = useAsync(() => personSchedule(p.id, on === today ? undefined : on), [p.id, on]);
  const schedule: ScheduleView | null = sched.data ?? null;
  const [saved, setSaved] = useState<VisitResult | null>(null);
  const [round, setRound] = useState(0);
  const facilityId = me.facility && me.facility.type === placeKind ? me.facility.id : null;
  const open = (schedule?.entries ?? []).filter((e) => ACTIONABLE.includes(e.status) || e.status === 'missed');
  const householdTitle = detail.household ? (detail.household.headName ? t('household.titleOf', { name: detail.household.headName }) : t('household.title')) : null;

  function onSaved(r: VisitResult) {
    setSaved(r);
    if (on === today) sched.setData(r.schedule);
    else sched.reload();
    toast(t('common.saved'));
    window.scrollTo({ top: 0, behavior: 'smooth' });
  }

  return (
    <div className="page page-narrow fw-page">
      <PageHeader
        crumbs={
          <Breadcrumbs
            items={[
              ...(detail.household && householdTitle ? [{ label: householdTitle, to: `/households/${detail.household.id}` }] : []),
              { label: p.name, to: `/people/${p.id}` },
              { label: t('fw.recordVisit') },
            ]}
          />
        }
        eyebrow={t('fw.recordVisit')}
        title={p.name}
        badges={
          <>
            <Badge tone="primary">{p.sex === 'F' ? t('person.female') : t('person.male')}</Badge>
            <Badge>{ageLabel(t, p.birthDate)}</Badge>
            {schedule && <StageBadges stages={schedule.stages} />}
          </>
        }
        actions={
          back ? (
            <Link className="btn btn-secondary" to={back}>
              <Icon name="chevronLeft" />
              {t('common.back')}
            </Link>
          ) : undefined
        }
      />

      {p.status !== 'alive' && <Alert tone="warning">{t('fw.notAlive')}</Alert>}

      {saved && (
        <SavedVisit
          result={saved}
          personId={p.id}
          onAgain={() => {
            setSaved(null);
            setRound((r) => r + 1);
          }}
        >
          <Link className="btn btn-ghost" to={back ?? `/people/${p.id}`} data-testid="visit-done">
            {t('fw.done')}
          </Link>
        </SavedVisit>
      )}

      <Card title={t('fw.dueNowTitle')} count={open.filter((e) => ACTIONABLE.includes(e.status)).length}>
        {schedule?.pregnancy && <PregnancyLine pregnancy={schedule.pregnancy} />}
        {sched.error ? (
          <Alert tone="warning">
            {t('fw.scheduleUnavailable')}{' '}
            <button type="button" className="linkbtn" onClick={sched.reload}>
              {t('common.retry')}
            </button>
          </Alert>
        ) : sched.loading && !schedule ? (
          <Loading />
        ) : (
          <DueItemsList items={open} testId="person-due" />
        )}
      </Card>

      {!saved && (
        <>
          <Card>
            <div className="form-grid">
              <TextField label={t('fw.visitDate')} name="occurredOn" type="date" required max={today} value={on} onValue={(v) => setOn(v || today)} />
              <RadioGroupField
                label={t('fw.place')}
                name="placeKind"
                required
                value={placeKind}
                onValue={(v) => setPlaceKind(v as PlaceKind)}
                options={PLACES.filter((k) => k !== 'school' || placeKind === 'school').map((k) => ({ value: k, label: t(`fw.place.${k}`) }))}
                className="span-2"
              />
            </div>
          </Card>
          {schedule || sched.error ? (
            <VisitRecorder
              key={round}
              person={{ id: p.id, sex: p.sex, birthDate: p.birthDate, name: p.name }}
              schedule={schedule}
              placeKind={placeKind}
              facilityId={facilityId}
              sessionId={sessionId}
              on={on}
              open={schedule ? [] : ['measure']}
              onSaved={onSaved}
            />
          ) : (
            <Loading />
          )}
        </>
      )}
    </div>
  );
}
