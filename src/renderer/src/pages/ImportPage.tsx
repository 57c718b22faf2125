import { Page } from '../components/Page';
import { EmptyState } from '../components/EmptyState';

export function ImportPage() {
  return (
    <Page id="import" title="Import">
      <EmptyState title="Nothing imported yet">
        <p>
          Drop GTM segment lists, contractor-license rosters, your LinkedIn Connections.csv or a CRM export
          here. A wizard will map their columns, show what it found wrong, and import them without losing a
          row.
        </p>
      </EmptyState>
    </Page>
  );
}
