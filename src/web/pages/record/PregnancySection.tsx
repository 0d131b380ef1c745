import { useI18n, type MessageKey } from '../../i18n';
import type { PregnancyView, VisitSlot } from '../../api/record';
import { Badge, Card } from '../../components/ui';
import { StatusBadge } from './StatusBadge';
import { windowWords } from './schedule-words';
import { providerLabel } from './words';
import { gestationBar } from '../../charts/gestation-model';

const DELIVERY_WORDS: Record<string, MessageKey> = {
  facility: 'rec.preg.place.facility',
  home: 'rec.preg.place.home',
  'on-the-way': 'rec.preg.place.onTheWay',
  'live-birth': 'rec.preg.outcome.liveBirth',
  stillbirth: 'rec.preg.outcome.stillbirth',
  abortion: 'rec.preg.outcome.abortion',
};

const STATE_KEY: Record<PregnancyView['state'], MessageKey> = {
  ongoing: 'rec.preg.state.ongoing',
  delivered: 'rec.preg.state.delivered',
  ended: 'rec.preg.state.ended',
  expired: 'rec.preg.state.expired',
};

/**
 * Each pregnancy: gestational age and trimester, HPHT and HPL, 4T risk, KEK by
 * LiLA, Hb and T status, the ANC contacts K1–K6 (the doctor and USG at K1 and
 * K5), the delivery and the postnatal visits KF1–KF4.
 */
export function PregnancySection({ pregnancies, on }: { pregnancies: PregnancyView[]; on: string }) {
  return (
    <div className="section" data-testid="pregnancies">
      {pregnancies.map((p) => (
        <Pregnancy key={p.id} p={p} on={on} />
      ))}
    </div>
  );
}

function Pregnancy({ p, on }: { p: PregnancyView; on: string }) {
  const { t, label, date, number } = useI18n();
  const words = (v: string) => (DELIVERY_WORDS[v] ? t(DELIVERY_WORDS[v]!) : v);
  const doctor = new Map(p.doctorUsg.map((d) => [d.slot, d]));
  return (
    <Card
      title={t('rec.preg.title', { date: date(p.hpht) })}
      actions={<Badge tone={p.state === 'ongoing' ? 'primary' : undefined}>{t(STATE_KEY[p.state])}</Badge>}
    >
      <div className="preg-facts">
        <dl className="dl">
          {p.gestationalAge && (
            <div>
              <dt>{t('rec.preg.gaLabel')}</dt>
              <dd data-testid="gestational-age">
                <strong>{t('rec.preg.ga', { w: p.gestationalAge.weeks, d: p.gestationalAge.days })}</strong>
                {p.trimester && <span className="muted"> · {t('rec.preg.trimesterN', { n: p.trimester })}</span>}
              </dd>
            </div>
          )}
          <div>
            <dt>{t('rec.preg.hpht')}</dt>
            <dd>{date(p.hpht)}</dd>
          </div>
          <div>
            <dt>{t('rec.preg.hpl')}</dt>
            <dd data-testid="hpl">
              <strong>{date(p.hpl)}</strong>
            </dd>
          </div>
          {(p.deliveredOn || p.endedOn) && (
            <div>
              <dt>{p.deliveredOn ? t('rec.preg.deliveredOn') : t('rec.preg.endedOn')}</dt>
              <dd>
                {date(p.deliveredOn ?? p.endedOn)}
                {p.outcome && <span className="muted"> · {words(p.outcome)}</span>}
              </dd>
            </div>
          )}
        </dl>
        <dl className="dl">
          <div>
            <dt>{t('rec.preg.fourT')}</dt>
            <dd>
              {p.fourT ? (
                <>
                  <Badge tone={p.fourT.flags.length ? 'warning' : 'success'}>{label(p.fourT.label)}</Badge>
                  {p.fourT.flagLabels.length > 0 && <div className="small">{p.fourT.flagLabels.map((f) => label(f)).join(' · ')}</div>}
                  <div className="small muted">{label(p.fourT.followUp)}</div>
                </>
              ) : (
                <span className="muted">{t('rec.preg.noData')}</span>
              )}
            </dd>
          </div>
          <div>
            <dt>{t('rec.preg.kek')}</dt>
            <dd>
              {p.kek ? (
                <>
                  <Badge tone={p.kek.kekByKmk ? 'danger' : p.kek.band === 'normal' ? 'success' : 'warning'}>{label(p.kek.label)}</Badge>
                  <span className="small muted">
                    {' '}
                    LiLA {number(p.kek.lilaCm)} cm · {date(p.kek.date)}
                  </span>
                </>
              ) : (
                <span className="muted">{t('rec.preg.noLila')}</span>
              )}
            </dd>
          </div>
          <div>
            <dt>Hb</dt>
            <dd>{p.hb.length ? p.hb.map((h) => `${number(h.gPerDl)} g/dL (${date(h.date)})`).join('; ') : <span className="muted">{t('rec.preg.noData')}</span>}</dd>
          </div>
          <div>
            <dt>{t('rec.preg.tStatus')}</dt>
            <dd>{p.tStatus ? `T${p.tStatus.dose} · ${date(p.tStatus.date)}` : <span className="muted">{t('rec.preg.noData')}</span>}</dd>
          </div>
        </dl>
      </div>

      <GestationBar p={p} on={on} />

      <h3 className="subhead">{t('rec.preg.contacts')}</h3>
      <SlotList slots={p.contacts} on={on} doctor={doctor} testId="anc-contacts" />

      {p.delivery && (
        <>
          <h3 className="subhead">{t('rec.preg.delivery')}</h3>
          <p className="small">
            {date(p.delivery.date)}
            {p.delivery.place && ` · ${words(p.delivery.place)}`}
            {p.delivery.attendant && ` · ${providerLabel(t, p.delivery.attendant)}`}
            {p.delivery.outcome && ` · ${words(p.delivery.outcome)}`}
            {p.delivery.births.length > 0 && ` · ${t('rec.preg.births', { n: p.delivery.births.length })}`}
          </p>
        </>
      )}
      {p.kf.length > 0 && (
        <>
          <h3 className="subhead">{t('rec.preg.kf')}</h3>
          <SlotList slots={p.kf} on={on} testId="kf-visits" />
        </>
      )}
    </Card>
  );
}

function SlotList({ slots, on, doctor, testId }: { slots: VisitSlot[]; on: string; doctor?: Map<string, VisitSlot>; testId: string }) {
  const { t, date } = useI18n();
  return (
    <ul className="slot-list" data-testid={testId}>
      {slots.map((s) => {
        const d = doctor?.get(s.slot);
        return (
          <li key={s.slot} className={`slot slot-${s.status}`} data-slot={s.slot} data-status={s.status}>
            <span className="slot-name">{s.slot}</span>
            <span className="slot-main">
              <span>
                {s.date ? (
                  <strong>
                    {date(s.date)}
                    {s.provider && <span className="muted"> · {providerLabel(t, s.provider)}</span>}
                  </strong>
                ) : (
                  <span className="small">{windowWords(t, date, s, on)}</span>
                )}
              </span>
              {d && (
                <span className="small slot-doctor">
                  {t('rec.preg.doctorUsg')}: {d.status === 'done' ? t('rec.preg.doctorDone', { date: date(d.date) }) : windowWords(t, date, d, on)}
                </span>
              )}
            </span>
            <StatusBadge status={s.status} />
          </li>
        );
      })}
    </ul>
  );
}

/** HPHT to HPL with the trimesters, today and the ANC contacts done: the pregnancy at a glance. */
function GestationBar({ p, on }: { p: PregnancyView; on: string }) {
  const { t, date } = useI18n();
  const b = gestationBar(p, on);
  return (
    <div className="gest" data-testid="gestation-bar" role="img" aria-label={t('rec.preg.barLabel', { hpht: date(p.hpht), hpl: date(p.hpl) })}>
      <div className="gest-tms" aria-hidden="true">
        {b.trimesters.map((tm) => (
          <span key={tm.n} style={{ left: `${tm.from}%`, width: `${tm.to - tm.from}%` }}>
            {t('rec.preg.tmShort', { n: tm.n })}
          </span>
        ))}
      </div>
      <div className="gest-track">
        {b.trimesters.map((tm) => (
          <span key={tm.n} className={`gest-tm gest-tm${tm.n}`} style={{ left: `${tm.from}%`, width: `${tm.to - tm.from}%` }} />
        ))}
        {b.contacts.map((c) => (
          <span key={c.slot} className="gest-contact" style={{ left: `${c.pct}%` }} title={`${c.slot} · ${date(c.date)} · ${t('rec.preg.weeksN', { n: c.weeks })}`} data-slot={c.slot}>
            {c.slot}
          </span>
        ))}
        {b.today && <span className="gest-today" style={{ left: `${b.today.pct}%` }} data-testid="gestation-today" />}
      </div>
      <div className="gest-scale">
        <span style={{ left: 0 }}>{t('rec.preg.hphtShort')}</span>
        {b.marks.map((m) => (
          <span key={m.weeks} style={{ left: `${m.pct}%` }}>
            {t('rec.preg.weeksN', { n: m.weeks })}
          </span>
        ))}
        <span style={{ left: '100%' }}>{t('rec.preg.hplShort')}</span>
      </div>
      {b.today && (
        <p className="small gest-now">
          <span className="gest-today-key" aria-hidden="true" /> {t('rec.preg.today', { n: b.today.weeks })}
        </p>
      )}
    </div>
  );
}
