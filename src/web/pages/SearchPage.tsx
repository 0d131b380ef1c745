import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useI18n } from '../i18n';
import { useAsync, useDebounced } from '../lib/useAsync';
import { searchPeople } from '../api/people';
import { listHouseholds } from '../api/households';
import { Card, Empty, ErrorState, Loading, PageHeader, ListItem } from '../components/ui';
import { Icon } from '../components/Icon';
import { PeopleTable } from '../components/PeopleTable';
import { displayName, groupDigits, rtRwLabel } from '../lib/format';

/** One box for people (name, NIK) and households (KK number, address). */
export function SearchPage() {
  const { t, number } = useI18n();
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  const dq = useDebounced(q.trim(), 350);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if ((params.get('q') ?? '') !== dq) setParams(dq ? { q: dq } : {}, { replace: true });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [dq]);

  useEffect(() => {
    if (!params.get('q')) inputRef.current?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const active = dq.length >= 2;
  const people = useAsync(() => (active ? searchPeople({ q: dq, pageSize: 20 }) : Promise.resolve(null)), [dq]);
  const households = useAsync(() => (active ? listHouseholds({ q: dq, pageSize: 10 }) : Promise.resolve(null)), [dq]);

  return (
    <div className="page">
      <PageHeader title={t('search.title')} sub={t('search.sub')} />
      <form className="searchbar" role="search" onSubmit={(e) => e.preventDefault()}>
        <div className="search-input">
          <Icon name="search" />
          <label htmlFor="search-q" className="sr-only">
            {t('search.label')}
          </label>
          <input
            ref={inputRef}
            id="search-q"
            className="input"
            type="search"
            enterKeyHint="search"
            autoComplete="off"
            placeholder={t('search.placeholder')}
            value={q}
            onChange={(e) => setQ(e.target.value)}
          />
        </div>
      </form>
      {!active ? (
        <Empty title={t('search.start')} icon="search">
          {t('search.startHint')}
        </Empty>
      ) : (
        <>
          <Card flush title={t('common.people')} count={people.data?.total}>
            {people.error ? (
              <ErrorState error={people.error} onRetry={people.reload} />
            ) : !people.data ? (
              <div style={{ padding: '0 16px' }}>
                <Loading />
              </div>
            ) : people.data.items.length ? (
              <>
                <PeopleTable people={people.data.items} showVillage testId="search-people" />
                {people.data.total > people.data.items.length && (
                  <p className="small muted" style={{ padding: '0 16px 16px' }}>
                    {t('search.more', { shown: number(people.data.items.length), total: number(people.data.total) })}
                  </p>
                )}
              </>
            ) : (
              <Empty title={t('search.noPeople', { q: dq })} icon="user" />
            )}
          </Card>
          <Card title={t('common.households')} count={households.data?.total}>
            {households.error ? (
              <ErrorState error={households.error} onRetry={households.reload} />
            ) : !households.data ? (
              <Loading />
            ) : households.data.items.length ? (
              <ul className="list" data-testid="search-households">
                {households.data.items.map((h) => (
                  <ListItem
                    key={h.id}
                    to={`/households/${h.id}`}
                    title={h.headName ?? t('household.title')}
                    meta={[h.kkNumber ? `KK ${groupDigits(h.kkNumber)}` : null, [h.address, rtRwLabel(h.rt, h.rw, h.dusun)].filter(Boolean).join(', '), h.villageName ? displayName(h.villageName) : null]
                      .filter(Boolean)
                      .join(' · ')}
                    side={`${number(h.memberCount)} ${t('household.membersShort')}`}
                  />
                ))}
              </ul>
            ) : (
              <Empty title={t('household.noMatch', { q: dq })} icon="households" />
            )}
            {households.data && households.data.total > households.data.items.length && (
              <p className="small" style={{ marginTop: 12 }}>
                <Link to={`/households?q=${encodeURIComponent(dq)}`}>{t('search.allHouseholds', { total: number(households.data.total) })}</Link>
              </p>
            )}
          </Card>
        </>
      )}
    </div>
  );
}
