import { useEffect, useState } from 'react';
import { formatCount } from '@shared/domain/format';
import { Page } from '../components/Page';
import { api, unwrap } from '../api';
import { ApprovalQueue } from './records/ApprovalQueue';
import { ContactsTable } from './records/ContactsTable';
import { CompaniesTable } from './records/CompaniesTable';

type Tab = 'approve' | 'contacts' | 'companies';

/** Companies & contacts: the approval queue, every contact, every company. */
export function RecordsPage() {
  const [tab, setTab] = useState<Tab>('contacts');
  const [waiting, setWaiting] = useState<number | null>(null);
  useEffect(() => {
    const refresh = () =>
      void unwrap(api().approvals.queue({ offset: 0, limit: 1 })).then(
        (p) => setWaiting(p.total),
        () => undefined,
      );
    refresh();
    return api().on('data.changed', refresh);
  }, []);
  return (
    <Page id="records" title="Companies & contacts">
      <div className="review-tabs" role="tablist">
        {(
          [
            ['approve', `To approve${waiting ? ` ${formatCount(waiting)}` : ''}`],
            ['contacts', 'Contacts'],
            ['companies', 'Companies'],
          ] as [Tab, string][]
        ).map(([id, label]) => (
          <button
            key={id}
            type="button"
            role="tab"
            aria-selected={tab === id}
            className={tab === id ? 'tab tab--active' : 'tab'}
            onClick={() => setTab(id)}
            data-testid={`tab-${id}`}
          >
            {label}
          </button>
        ))}
      </div>
      {tab === 'approve' && <ApprovalQueue />}
      {tab === 'contacts' && <ContactsTable />}
      {tab === 'companies' && <CompaniesTable />}
    </Page>
  );
}
