import { Page } from '../components/Page';
import { EmptyState } from '../components/EmptyState';

export function ExportPage() {
  return (
    <Page id="export" title="Export">
      <EmptyState
        title="Nothing to export yet"
        action={{ label: 'Go to Companies & contacts', page: 'records' }}
      >
        <p>
          Clean CSV files for Close, HubSpot and Salesforce, in each CRM’s own columns, with only what changed
          since your last export. Approve some leads first.
        </p>
      </EmptyState>
    </Page>
  );
}
