import { Link } from 'react-router';
import { useI18n } from '../i18n';
import type { PersonSummary } from '../api/types';
import { DataTable, Badge, type Column } from './ui';
import { ageLabel, maskNik, displayName } from '../lib/format';
import { RELATIONSHIP_LABEL, PERSON_STATUS_LABEL } from '../../core/people/household';

export function StatusBadge({ status }: { status: PersonSummary['status'] }) {
  const { label } = useI18n();
  if (status === 'alive') return null;
  return <Badge tone={status === 'deceased' ? 'danger' : 'warning'}>{label(PERSON_STATUS_LABEL[status])}</Badge>;
}

export function SexLabel({ sex }: { sex: 'M' | 'F' }) {
  const { t } = useI18n();
  return <>{sex === 'F' ? t('person.female') : t('person.male')}</>;
}

/** Members of a household, or search results: name, NIK (masked), sex, age, relationship. */
export function PeopleTable({ people, showRelationship = true, showVillage = false, testId }: {
  people: PersonSummary[];
  showRelationship?: boolean;
  showVillage?: boolean;
  testId?: string;
}) {
  const { t, label } = useI18n();
  const cols: Column<PersonSummary>[] = [
    {
      key: 'name',
      header: t('person.name'),
      primary: true,
      render: (p) => (
        <span style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
          <Link to={`/people/${p.id}`}>{p.name}</Link>
          <StatusBadge status={p.status} />
        </span>
      ),
    },
    { key: 'nik', header: t('person.nik'), render: (p) => <span className="id-number">{maskNik(p.nik)}</span> },
    { key: 'sex', header: t('person.sex'), render: (p) => <SexLabel sex={p.sex} /> },
    { key: 'age', header: t('person.age'), render: (p) => ageLabel(t, p.birthDate) },
  ];
  if (showRelationship) {
    cols.push({
      key: 'rel',
      header: t('person.relationshipShort'),
      render: (p) => (p.relationship ? label(RELATIONSHIP_LABEL[p.relationship]) : '–'),
    });
  }
  if (showVillage) {
    cols.push({ key: 'village', header: t('person.village'), render: (p) => (p.villageName ? displayName(p.villageName) : '–') });
  }
  return <DataTable columns={cols} rows={people} rowKey={(p) => p.id} rowHref={(p) => `/people/${p.id}`} caption={t('common.people')} testId={testId} />;
}
