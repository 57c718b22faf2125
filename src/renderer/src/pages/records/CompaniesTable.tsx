import { useCallback, useEffect, useState } from 'react';
import type { CompanySortKey } from '@shared/contract/records';
import type { CompanyFilter, CompanyRowView } from '@shared/domain/records';
import { formatCount } from '@shared/domain/format';
import { api } from '../../api';
import { VirtualTable, type Column } from './VirtualTable';
import { useRecordPages } from './useRecordPages';
import { DetailDrawer } from './DetailDrawer';
import { FindPeopleInList } from './FindPeopleInList';

type Sort = CompanySortKey;

const COLUMNS: Column<CompanyRowView>[] = [
  { id: 'name', label: 'Company', width: '2fr', sort: 'name', render: (r) => r.name },
  { id: 'city', label: 'City', width: '1fr', sort: 'city', render: (r) => r.city ?? '' },
  { id: 'state', label: 'State', width: 60, sort: 'state', render: (r) => r.state ?? '' },
  { id: 'phone', label: 'Phone', width: 130, render: (r) => r.phone ?? '' },
  { id: 'domain', label: 'Domain', width: '1fr', render: (r) => r.domain ?? '' },
  { id: 'license', label: 'License', width: 110, render: (r) => r.licenseNumber ?? '' },
  {
    id: 'icp',
    label: 'ICP',
    width: 90,
    sort: 'icp',
    render: (r) =>
      r.icpScore !== null ? `${r.icpScore}${r.icpTier ? ` ${r.icpTier}` : ''}` : (r.icpTier ?? ''),
  },
  { id: 'people', label: 'People', width: 70, render: (r) => (r.contacts ? formatCount(r.contacts) : '') },
  { id: 'crm', label: 'CRM', width: 50, render: (r) => (r.inCrm ? '✓' : '') },
];

/** With a company open beside the table, the columns that still fit. */
const COMPACT_COLUMNS = COLUMNS.filter((c) => ['name', 'city', 'state', 'people'].includes(c.id));

/** Every company (a license roster alone is 250,000 of them). */
export function CompaniesTable() {
  const [filter, setFilter] = useState<CompanyFilter>({});
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<{ field: Sort; direction: 'asc' | 'desc' }>({
    field: 'name',
    direction: 'asc',
  });
  const [selected, setSelected] = useState<number | null>(null);
  useEffect(() => {
    const timer = setTimeout(
      () => setFilter((f) => ((f.search ?? '') === search ? f : { ...f, search: search || undefined })),
      200,
    );
    return () => clearTimeout(timer);
  }, [search]);
  const fetchPage = useCallback(
    (offset: number, limit: number) =>
      api().records.companies({ filter, sort: sort.field, direction: sort.direction, offset, limit }),
    [filter, sort],
  );
  const { total, row, error } = useRecordPages<CompanyRowView>(JSON.stringify([filter, sort]), fetchPage);
  return (
    <div className="records">
      <div className="filters">
        <input
          type="search"
          className="filters__search"
          placeholder="Search names, cities, domains, licenses"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          data-testid="companies-search"
        />
        <select
          value={filter.hasContacts === undefined ? '' : filter.hasContacts ? 'yes' : 'no'}
          onChange={(e) =>
            setFilter({
              ...filter,
              hasContacts: e.target.value === '' ? undefined : e.target.value === 'yes',
            })
          }
          aria-label="People"
        >
          <option value="">People: any</option>
          <option value="yes">With people found</option>
          <option value="no">No one found yet</option>
        </select>
        <select
          value={filter.inCrm === undefined ? '' : filter.inCrm ? 'yes' : 'no'}
          onChange={(e) =>
            setFilter({ ...filter, inCrm: e.target.value === '' ? undefined : e.target.value === 'yes' })
          }
          aria-label="In CRM"
        >
          <option value="">CRM: any</option>
          <option value="yes">Already in CRM</option>
          <option value="no">Not in CRM</option>
        </select>
      </div>
      <div className="records__toolbar">
        <p className="muted" data-testid="companies-total">
          {total === null ? 'Loading…' : `${formatCount(total)} compan${total === 1 ? 'y' : 'ies'}`}
        </p>
        <FindPeopleInList filter={filter} sort={sort.field} direction={sort.direction} total={total} />
      </div>
      {error && <p className="field-error">{error}</p>}
      <div className="records__body">
        <VirtualTable
          columns={selected === null ? COLUMNS : COMPACT_COLUMNS}
          total={total ?? 0}
          row={row}
          rowKey={(r) => r.id}
          selected={selected}
          onSelect={(r) => setSelected(r.id)}
          sort={sort}
          onSort={(field) =>
            setSort((s) => ({
              field: field as Sort,
              direction: s.field === field && s.direction === 'asc' ? 'desc' : 'asc',
            }))
          }
          testId="companies-table"
        />
        {selected !== null && <DetailDrawer kind="company" id={selected} onClose={() => setSelected(null)} />}
      </div>
    </div>
  );
}
