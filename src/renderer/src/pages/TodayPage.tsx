import { Page } from '../components/Page';
import { EmptyState } from '../components/EmptyState';

export function TodayPage() {
  return (
    <Page id="today" title="Today">
      <EmptyState
        title="No outreach planned for today"
        action={{ label: 'Go to Companies & contacts', page: 'records' }}
      >
        <p>
          Your manual LinkedIn queue for the day: who to invite or message, why, and the message ready to
          copy, within your daily limits. It fills once leads are scored and approved.
        </p>
      </EmptyState>
    </Page>
  );
}
