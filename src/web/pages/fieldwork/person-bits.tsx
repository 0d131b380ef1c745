/** A person's stages as badges and the current pregnancy in one line. */
import { useI18n } from '../../i18n';
import type { ScheduleView } from '../../api/visits';
import { Badge } from '../../components/ui';

export function StageBadges({ stages }: { stages: ScheduleView['stages'] }) {
  return (
    <>
      {stages.map((s) => (
        <Badge key={s.id} tone="info">
          {s.label}
        </Badge>
      ))}
    </>
  );
}

export function PregnancyLine({ pregnancy }: { pregnancy: NonNullable<ScheduleView['pregnancy']> }) {
  const { t, date } = useI18n();
  const ga = pregnancy.gestationalAge;
  return (
    <p className="fw-pregnancy" data-testid="pregnancy-line">
      {t('fw.pregnancyLine', { weeks: ga.weeks, days: ga.days, trimester: pregnancy.trimester })}
      {pregnancy.hpl && <span className="muted"> · {t('fw.hpl', { date: date(pregnancy.hpl) })}</span>}
    </p>
  );
}
