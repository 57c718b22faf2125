import { Page } from '../components/Page';
import { EmptyState } from '../components/EmptyState';

export function RecordsPage() {
  return (
    <Page id="records" title="Companies & contacts">
      <EmptyState title="No companies or contacts yet" action={{ label: 'Go to Import', page: 'import' }}>
        <p>
          Every company and person you import lands here, deduplicated and scored, with where each value came
          from. Start by importing a spreadsheet.
        </p>
      </EmptyState>
    </Page>
  );
}
