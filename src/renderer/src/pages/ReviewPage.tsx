import { Page } from '../components/Page';
import { EmptyState } from '../components/EmptyState';

export function ReviewPage() {
  return (
    <Page id="review" title="Review">
      <EmptyState title="Nothing to review" action={{ label: 'Go to Import', page: 'import' }}>
        <p>
          When two records might be the same company or person but Prospect Desk is not sure, the pair waits
          here for your decision, side by side. Pairs appear after you import lists that overlap.
        </p>
      </EmptyState>
    </Page>
  );
}
