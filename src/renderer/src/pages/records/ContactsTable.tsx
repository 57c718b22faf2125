import { useCallback, useState } from 'react';
import type { ContactFilter, ContactRowView } from '@shared/domain/records';
import { formatCount } from '@shared/domain/format';
import { api } from '../../api';
import { ContactFilters } from './ContactFilters';
import { VirtualTable, type Column } from './VirtualTable';
import { useRecordPages } from './useRecordPages';
import { SOURCE_TEXT, STATUS_TEXT, TierBadge } from './TierBadge';
import { DetailDrawer } from './DetailDrawer';
import { FindEmails } from './FindEmails';

type Sort = 'score' | 'name' | 'company' | 'title' | 'updated';

export const CONTACT_COLUMNS: Column<ContactRowView>[] = [
  {
    id: 'tier',
    label: 'Score',
    width: 112,
    sort: 'score',
    render: (r) => <TierBadge tier={r.tier} score={r.score} />,
  },
  { id: 'name', label: 'Name', width: '1.3fr', sort: 'name', render: (r) => r.fullName || r.email || '—' },
  { id: 'title', label: 'Title', width: '1.3fr', sort: 'title', render: (r) => r.title ?? '' },
  { id: 'company', label: 'Company', width: '1.3fr', sort: 'company', render: (r) => r.companyName ?? '' },
  { id: 'email', label: 'Email', width: '1.2fr', render: (r) => r.email ?? '' },
  { id: 'status', label: 'Status', width: 110, render: (r) => STATUS_TEXT[r.status] },
  { id: 'source', label: 'Source', width: 100, render: (r) => SOURCE_TEXT[r.source] ?? r.source },
  { id: 'state', label: 'State', width: 60, render: (r) => r.state ?? '' },
  { id: 'crm', label: 'CRM', width: 50, render: (r) => (r.inCrm ? '✓' : '') },
];

/** With a record open beside the table, the columns that still fit. */
const COMPACT_COLUMNS = CONTACT_COLUMNS.filter((c) => ['tier', 'name', 'title', 'company'].includes(c.id));

/** Every contact: searchable, filterable, sortable, 250,000 rows scrolling smoothly. */
export function ContactsTable() {
  const [filter, setFilter] = useState<ContactFilter>({});
  const [sort, setSort] = useState<{ field: Sort; direction: 'asc' | 'desc' }>({
    field: 'score',
    direction: 'desc',
  });
  const [selected, setSelected] = useState<number | null>(null);
  const key = JSON.stringify([filter, sort]);
  const fetchPage = useCallback(
    (offset: number, limit: number) =>
      api().records.contacts({ filter, sort: sort.field, direction: sort.direction, offset, limit }),
    [filter, sort],
  );
  const { total, row, error } = useRecordPages<ContactRowView>(key, fetchPage);
  const onSort = (field: string) =>
    setSort((s) => ({
      field: field as Sort,
      direction:
        s.field === field && s.direction === 'desc'
          ? 'asc'
          : field === 'score'
            ? 'desc'
            : s.field === field
              ? 'desc'
              : 'asc',
    }));
  return (
    <div className="records">
      <ContactFilters filter={filter} onChange={setFilter} />
      <div className="records__toolbar">
        <p className="muted" data-testid="records-total">
          {total === null ? 'Loading…' : `${formatCount(total)} contact${total === 1 ? '' : 's'}`}
        </p>
        <FindEmails filter={filter} label="Find emails for these contacts" />
      </div>
      {error && <p className="field-error">{error}</p>}
      <div className="records__body">
        <VirtualTable
          columns={selected === null ? CONTACT_COLUMNS : COMPACT_COLUMNS}
          total={total ?? 0}
          row={row}
          rowKey={(r) => r.id}
          selected={selected}
          onSelect={(r) => setSelected(r.id)}
          sort={sort}
          onSort={onSort}
          testId="contacts-table"
        />
        {selected !== null && <DetailDrawer kind="contact" id={selected} onClose={() => setSelected(null)} />}
      </div>
    </div>
  );
}
