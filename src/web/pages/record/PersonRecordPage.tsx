import { Link, useParams, useSearchParams } from 'react-router';
import { useMe } from '../../auth/AuthContext';
import { useI18n, type MessageKey } from '../../i18n';
import { useAsync } from '../../lib/useAsync';
import { getRecord, type PersonRecord } from '../../api/record';
import { personSchedule, type ScheduleView } from '../../api/visits';
import { Alert, Badge, Breadcrumbs, ErrorState, Loading, PageHeader } from '../../components/ui';
import { Icon } from '../../components/Icon';
import { ageLabel } from '../../lib/format';
import { DueNow, ScheduleSection } from './ScheduleSection';
import { TimelineSection } from './TimelineSection';
import { GrowthSection } from './GrowthSection';
import { ImmunizationSection } from './ImmunizationSection';
import { PregnancySection } from './PregnancySection';
import { VitalsSection } from './VitalsSection';
import { ScreeningsSection } from './ScreeningsSection';
import { ReferralsSection, LatestBackReferral } from './ReferralsSection';
import { isChildOn } from './child-card';

const SECTIONS = ['overview', 'schedule', 'growth', 'immunization', 'pregnancy', 'vitals', 'screenings', 'referrals', 'timeline'] as const;
export type Section = (typeof SECTIONS)[number];

const SECTION_KEY: Record<Section, MessageKey> = {
  overview: 'rec.tab.overview',
  schedule: 'rec.tab.schedule',
  growth: 'rec.tab.growth',
  immunization: 'rec.tab.immunization',
  pregnancy: 'rec.tab.pregnancy',
  vitals: 'rec.tab.vitals',
  screenings: 'rec.tab.screenings',
  referrals: 'rec.tab.referrals',
  timeline: 'rec.tab.timeline',
};

/** The sections this person's record has something in (the overview, schedule and visits always). */
export function sectionsOf(r: PersonRecord): Section[] {
  const has: Record<Section, boolean> = {
    overview: true,
    schedule: true,
    growth: r.growth.points.length > 0,
    immunization: r.immunization.rows.length > 0 || r.immunization.other.length > 0,
    pregnancy: r.pregnancies.length > 0,
    vitals: r.vitals.bp.length > 0 || r.vitals.glucose.length > 0 || r.vitals.hb.length > 0,
    screenings: r.screenings.length > 0,
    referrals: r.referrals.length > 0,
    timeline: true,
  };
  return SECTIONS.filter((s) => has[s]);
}

/**
 * The person's health record: the life-cycle stages, what is due now, and
 * sections for growth (KMS chart), immunization (Buku KIA card), pregnancy,
 * blood pressure and glucose, screenings, referrals and every visit.
 */
export function PersonRecordPage() {
  const { id = '' } = useParams();
  const res = useAsync(() => Promise.all([getRecord(id), personSchedule(id)]), [id]);
  if (res.loading && !res.data) return <Loading />;
  if (res.error || !res.data) return <ErrorState error={res.error} onRetry={res.reload} />;
  return <RecordView record={res.data[0]} schedule={res.data[1]} key={id} />;
}

function RecordView({ record: r, schedule }: { record: PersonRecord; schedule: ScheduleView }) {
  const me = useMe();
  const { t, label } = useI18n();
  const [params, setParams] = useSearchParams();
  const sections = sectionsOf(r);
  const asked = params.get('tab') as Section | null;
  const section: Section = asked && sections.includes(asked) ? asked : 'overview';
  const p = r.person;
  const current = r.lifeCycle.stages.filter((s) => !s.until || s.until >= r.on);
  const conditions = r.lifeCycle.conditions.filter((c) => !c.until || c.until >= r.on);

  function go(s: Section) {
    const next = new URLSearchParams(params);
    if (s === 'overview') next.delete('tab');
    else next.set('tab', s);
    setParams(next, { replace: true });
  }

  return (
    <div className="page record-page">
      <PageHeader
        crumbs={<Breadcrumbs items={[{ label: p.name, to: `/people/${p.id}` }, { label: t('rec.title') }]} />}
        eyebrow={t('rec.title')}
        title={p.name}
        sub={`${p.sex === 'F' ? t('person.female') : t('person.male')} · ${ageLabel(t, p.birthDate, r.on)}`}
        badges={
          <span className="badges" data-testid="record-stages">
            {current.map((s) => (
              <Badge key={s.id} tone="primary">
                {label(s.label)}
              </Badge>
            ))}
            {conditions.map((c) => (
              <Badge key={c.kind} tone="warning">
                {label(c.label)}
              </Badge>
            ))}
          </span>
        }
        actions={
          p.status === 'alive' ? (
            <>
              {me.permissions.editRegistry && (
                <Link className="btn" to={`/people/${p.id}/visit`} data-testid="record-visit">
                  <Icon name="plus" />
                  {t('rec.recordVisit')}
                </Link>
              )}
              {me.facility && (
                <Link className="btn btn-secondary" to={`/referrals/new?personId=${p.id}`} data-testid="refer-person">
                  <Icon name="move" />
                  {t('rec.refer')}
                </Link>
              )}
              <Link className="btn btn-ghost" to={`/people/${p.id}`}>
                <Icon name="user" />
                {t('rec.identity')}
              </Link>
            </>
          ) : (
            <Link className="btn btn-ghost" to={`/people/${p.id}`}>
              <Icon name="user" />
              {t('rec.identity')}
            </Link>
          )
        }
      />

      {r.access.via === 'referral' && (
        <Alert tone="info">
          {t('rec.viaReferral')} <Link to={`/referrals/${r.access.referralId}`}>{t('rec.openReferral')}</Link>
        </Alert>
      )}
      {r.growth.approximate && section === 'growth' && <Alert tone="warning">{t('rec.approximate')}</Alert>}

      <nav className="tabs tabs-wrap record-tabs" role="tablist" aria-label={t('rec.title')}>
        {sections.map((s) => (
          <button key={s} type="button" role="tab" aria-selected={section === s} onClick={() => go(s)} data-testid={`record-tab-${s}`}>
            {t(SECTION_KEY[s])}
          </button>
        ))}
      </nav>

      {section === 'overview' && (
        <div className="grid-2">
          <LatestBackReferral referrals={r.referrals} />
          <DueNow schedule={schedule} onAll={() => go('schedule')} />
          <Overview record={r} onOpen={go} />
        </div>
      )}
      {section === 'schedule' && <ScheduleSection schedule={schedule} />}
      {section === 'growth' && <GrowthSection growth={r.growth} />}
      {section === 'immunization' && <ImmunizationSection card={r.immunization} on={r.on} child={isChildOn(p.birthDate, r.on)} />}
      {section === 'pregnancy' && <PregnancySection pregnancies={r.pregnancies} on={r.on} />}
      {section === 'vitals' && <VitalsSection vitals={r.vitals} birthDate={p.birthDate} />}
      {section === 'screenings' && <ScreeningsSection screenings={r.screenings} />}
      {section === 'referrals' && <ReferralsSection referrals={r.referrals} />}
      {section === 'timeline' && <TimelineSection timeline={r.timeline} />}
    </div>
  );
}

/** The latest of each kind of fact, each opening its section. */
function Overview({ record: r, onOpen }: { record: PersonRecord; onOpen: (s: Section) => void }) {
  const { t, label, number, date } = useI18n();
  const lastPoint = r.growth.points[r.growth.points.length - 1];
  const lastWeighing = r.growth.weighings[r.growth.weighings.length - 1];
  const lastBp = r.vitals.bp[r.vitals.bp.length - 1];
  const lastGlucose = r.vitals.glucose[r.vitals.glucose.length - 1];
  const pregnancy = r.pregnancies.find((x) => x.state === 'ongoing');
  const lastVisit = r.timeline[0];
  const items: { key: Section; title: string; body: React.ReactNode }[] = [];
  if (pregnancy) {
    items.push({
      key: 'pregnancy',
      title: t('rec.ov.pregnancy'),
      body: (
        <>
          {pregnancy.gestationalAge && t('rec.preg.ga', { w: pregnancy.gestationalAge.weeks, d: pregnancy.gestationalAge.days })}
          {pregnancy.trimester && ` · ${t('rec.preg.trimesterN', { n: pregnancy.trimester })}`} · {t('rec.preg.hplShort')} {date(pregnancy.hpl)}
        </>
      ),
    });
  }
  if (lastPoint) {
    const cats = [lastPoint.categories.bbu, lastPoint.categories.pbu, lastPoint.categories.bbpb].filter(Boolean).map((c) => label(c!));
    items.push({
      key: 'growth',
      title: t('rec.ov.growth'),
      body: (
        <>
          {date(lastPoint.date)}: {lastPoint.weight !== null && `${number(lastPoint.weight)} kg`}
          {lastPoint.lengthOrHeight !== null && ` · ${number(lastPoint.lengthOrHeight)} cm`}
          {lastWeighing?.outcome && ` · ${t(`chart.outcome.${lastWeighing.outcome}`)}`}
          {cats.length > 0 && <div className="small muted">{cats.join(' · ')}</div>}
        </>
      ),
    });
  }
  if (r.immunization.rows.length) {
    const given = r.immunization.rows.filter((x) => x.status === 'done').length;
    const next = r.immunization.rows.find((x) => x.status === 'overdue' || x.status === 'due');
    items.push({
      key: 'immunization',
      title: t('rec.ov.immunization'),
      // IDL and baduta lengkap are the child's indicators; for older people the count and what is next.
      body: isChildOn(r.person.birthDate, r.on) ? (
        <>
          {t('rec.imm.idl')}: {r.immunization.idl.complete ? t('rec.imm.complete') : t('rec.imm.incomplete')} · {t('rec.imm.baduta')}:{' '}
          {r.immunization.badutaLengkap.complete ? t('rec.imm.complete') : t('rec.imm.incomplete')}
        </>
      ) : (
        <>
          {t('rec.imm.dosesGiven', { n: given })}
          {next && ` · ${t('rec.imm.next', { label: label(next.label) })}`}
        </>
      ),
    });
  }
  if (lastBp || lastGlucose) {
    items.push({
      key: 'vitals',
      title: t('rec.ov.vitals'),
      body: (
        <>
          {lastBp && `${number(lastBp.systolic)}/${number(lastBp.diastolic)} mmHg${lastBp.class ? ` (${label(lastBp.class.label)})` : ''}`}
          {lastBp && lastGlucose && <br />}
          {lastGlucose && `${number(lastGlucose.value)} ${lastGlucose.unit}${lastGlucose.class ? ` (${label(lastGlucose.class.label)})` : ''}`}
        </>
      ),
    });
  }
  if (r.screenings.length) {
    items.push({
      key: 'screenings',
      title: t('rec.ov.screenings'),
      body: r.screenings
        .slice(0, 3)
        .map((s) => `${label(s.label)}${s.result ? `: ${label(s.result)}` : ''}`)
        .join(' · '),
    });
  }
  items.push({
    key: 'timeline',
    title: t('rec.ov.lastVisit'),
    body: lastVisit ? `${date(lastVisit.date)} · ${t('rec.eventsN', { n: lastVisit.events.length })}` : t('rec.noVisits'),
  });
  return (
    <section className="card span-2" aria-labelledby="overview-title">
      <h2 id="overview-title" className="section-title">
        {t('rec.ov.title')}
      </h2>
      <ul className="overview-list">
        {items.map((i) => (
          <li key={i.key}>
            <button type="button" className="overview-item" onClick={() => onOpen(i.key)}>
              <span className="overview-title">{i.title}</span>
              <span className="overview-body">{i.body}</span>
              <Icon name="chevronRight" className="chev" />
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
