/**
 * The due list on paper (/due/print): A4, one household after another, the
 * name, age and what is due with its date — what a kader carries on a round.
 * Takes the same query as /due and prints all pages of it.
 */
import { Link, useSearchParams } from 'react-router';
import { useMe } from '../../auth/AuthContext';
import { useI18n } from '../../i18n';
import { useAsync } from '../../lib/useAsync';
import { getDue, type DueList, type DueQuery } from '../../api/fieldwork';
import { getFacility } from '../../api/facilities';
import { getArea } from '../../api/areas';
import { ErrorState, Loading } from '../../components/ui';
import { Icon } from '../../components/Icon';
import { placeName } from '../../lib/format';
import { DueTable } from './DueTable';
import { dueQueryOf } from './DueListPage';
// Its own stylesheet: a page opened directly must not depend on the recording forms having loaded it.
import '../../styles/fieldwork.css';

/** Rows fetched per request while assembling the printed list. */
const PRINT_PAGE = 200;
/** A printed list longer than this is cut (a kader's round is one RW, not a kecamatan). */
const PRINT_MAX = 2000;

async function allDue(q: DueQuery): Promise<DueList & { truncated: boolean }> {
  const first = await getDue({ ...q, page: 1, pageSize: PRINT_PAGE });
  const people = [...first.people];
  let page = 1;
  while (people.length < first.total && people.length < PRINT_MAX) {
    page += 1;
    const next = await getDue({ ...q, page, pageSize: PRINT_PAGE });
    if (next.people.length === 0) break;
    people.push(...next.people);
  }
  return { ...first, people, truncated: people.length < first.total };
}

export function DuePrintPage() {
  const me = useMe();
  const { t, date, dateTime, number } = useI18n();
  const [params] = useSearchParams();
  const q = dueQueryOf(params, me.facility ? { facility: me.facility.id } : { area: me.place.code });
  const key = JSON.stringify(q);
  const res = useAsync(() => allDue(q), [key]);
  const place = useAsync(
    () => (q.facility ? getFacility(q.facility).then((f) => f.facility.name) : getArea(q.area ?? me.place.code).then((a) => placeName(t, a.area))),
    [key],
  );
  if (res.loading && !res.data) return <Loading />;
  if (res.error || !res.data) return <ErrorState error={res.error} onRetry={res.reload} />;
  const d = res.data;
  return (
    <div className="fw-print-page" data-testid="due-print">
      <div className="fw-no-print fw-print-bar">
        <Link className="btn btn-secondary" to={`/due?${params.toString()}`}>
          <Icon name="chevronLeft" />
          {t('common.back')}
        </Link>
        <button type="button" className="btn" onClick={() => window.print()}>
          <Icon name="audit" />
          {t('fw.print')}
        </button>
      </div>
      <header className="fw-print-head">
        <h1>{t('fw.printTitle')}</h1>
        <p>
          <strong>{place.data ?? '…'}</strong> · {t('fw.printOn', { date: date(d.on) })} · {t('fw.printCount', { n: number(d.total) })}
        </p>
        <p className="small">{t('fw.printedAt', { at: dateTime(new Date().toISOString()), by: me.displayName })}</p>
      </header>
      {d.truncated && <p className="small">{t('fw.printTruncated', { n: number(d.people.length), total: number(d.total) })}</p>}
      {d.people.length === 0 ? <p>{t('fw.nobodyDue')}</p> : <DueTable rows={d.people} on={d.on} linkPeople={false} print testId="due-print-table" />}
    </div>
  );
}
