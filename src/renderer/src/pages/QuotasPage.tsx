import { Page } from '../components/Page';
import { EmptyState } from '../components/EmptyState';

export function QuotasPage() {
  return (
    <Page id="quotas" title="Quotas">
      <EmptyState title="No limits used yet" action={{ label: 'Go to Today', page: 'today' }}>
        <p>
          How much of each limit you have used: InMails this month, invites today and this week, Hunter
          searches. Every limited action is counted here, so none is ever exceeded.
        </p>
      </EmptyState>
    </Page>
  );
}
