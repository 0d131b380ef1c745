import { useI18n, type MessageKey } from '../i18n';
import type { Change } from '../api/types';
import { DataTable, Empty, type Column } from './ui';
import { RELATIONSHIP_LABEL, PERSON_STATUS_LABEL, type Relationship, type PersonStatus } from '../../core/people/household';

const FIELD_KEY: Record<string, MessageKey> = {
  nik: 'person.nik',
  name: 'person.name',
  sex: 'person.sex',
  birthDate: 'person.birthDate',
  birthDateEstimated: 'person.birthDateEstimated',
  birthPlace: 'person.birthPlace',
  motherId: 'person.mother',
  relationship: 'person.relationship',
  phone: 'person.phone',
  jknNumber: 'person.jkn',
  status: 'person.status',
  statusDate: 'person.statusDate',
  householdId: 'person.household',
  areaCode: 'person.domicile',
  kkNumber: 'household.kk',
  address: 'household.address',
  headPersonId: 'household.head',
  coverage: 'facility.coverage',
  parentId: 'facility.parent',
  code: 'facility.code',
  active: 'common.active',
};

export function useChangeFormat() {
  const { t, label, date } = useI18n();
  const fieldLabel = (f: string) => (FIELD_KEY[f] ? t(FIELD_KEY[f]) : f);
  const value = (field: string, v: unknown): string => {
    if (v === null || v === undefined || v === '') return t('history.empty');
    if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
    if (field === 'sex') return v === 'F' ? t('person.female') : t('person.male');
    if (field === 'relationship' && typeof v === 'string' && v in RELATIONSHIP_LABEL) return label(RELATIONSHIP_LABEL[v as Relationship]);
    if (field === 'status' && typeof v === 'string' && v in PERSON_STATUS_LABEL) return label(PERSON_STATUS_LABEL[v as PersonStatus]);
    if ((field === 'birthDate' || field === 'statusDate') && typeof v === 'string') return date(v);
    if ((field === 'householdId' || field === 'motherId' || field === 'headPersonId') && typeof v === 'string') return `#${v.slice(0, 8)}`;
    if (Array.isArray(v)) return v.join(', ');
    return String(v);
  };
  return { fieldLabel, value };
}

/** Who changed which field when, newest first. */
export function ChangeList({ changes, testId }: { changes: Change[]; testId?: string }) {
  const { t, dateTime } = useI18n();
  const { fieldLabel, value } = useChangeFormat();
  if (!changes.length) return <Empty title={t('history.none')} icon="history" />;
  const cols: Column<Change>[] = [
    { key: 'field', header: t('history.field'), primary: true, render: (c) => fieldLabel(c.field) },
    {
      key: 'change',
      header: t('history.change'),
      wide: true,
      render: (c) => (
        <span className="change-val">
          <span className="change-old">{value(c.field, c.oldValue)}</span>
          <span aria-hidden="true">→</span>
          <span className="sr-only">{t('history.to')}</span>
          <strong>{value(c.field, c.newValue)}</strong>
        </span>
      ),
    },
    { key: 'who', header: t('history.who'), render: (c) => c.userName ?? t('history.system') },
    { key: 'at', header: t('history.when'), render: (c) => dateTime(c.at) },
  ];
  return <DataTable columns={cols} rows={changes} rowKey={(c) => `${c.at}-${c.field}`} testId={testId} caption={t('history.title')} />;
}
