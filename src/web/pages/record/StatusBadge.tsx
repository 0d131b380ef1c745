import { useI18n } from '../../i18n';
import { Badge } from '../../components/ui';
import { STATUS_LABELS, type ScheduleStatus } from '../../../core/schedule/status';

type Tone = 'primary' | 'success' | 'danger' | 'warning' | 'info' | undefined;

/** One colour per schedule status, everywhere (record, due lists, immunization card). */
export const STATUS_TONE: Record<ScheduleStatus, Tone> = {
  done: 'success',
  due: 'info',
  overdue: 'warning',
  missed: 'danger',
  upcoming: undefined,
  not_applicable: undefined,
};

/** The schedule status in the words of core's status definitions. */
export function StatusBadge({ status }: { status: ScheduleStatus }) {
  const { label } = useI18n();
  return (
    <span data-status={status}>
      <Badge tone={STATUS_TONE[status]}>{label(STATUS_LABELS[status])}</Badge>
    </span>
  );
}
