import { useEffect } from 'react';
import { Page } from '../components/Page';
import { useExport } from '../stores/exportStore';
import { ExportChoices } from './export/ExportChoices';
import { ExportPreviewCard } from './export/ExportPreviewCard';
import { ColumnsEditor } from './export/ColumnsEditor';
import { ExportRunCard } from './export/ExportRunCard';
import { CloseSyncCard } from './export/CloseSyncCard';
import { ExportHistory } from './export/ExportHistory';

/**
 * Export: a CRM's own import file (Close, HubSpot, Salesforce, or every field), for the approved
 * leads, a tier, a saved filter or everything; a preview; the columns, saved per target; the file
 * saved where the seller chooses; Close through its API; and what went where before.
 */
export function ExportPage() {
  const { load, listen, formats, target } = useExport();
  useEffect(() => {
    void load();
    return listen();
  }, [load, listen]);
  const format = formats.find((f) => f.target === target);
  return (
    <Page id="export" title="Export">
      <div className="stack">
        <ExportChoices />
        <ExportPreviewCard />
        {format && <ColumnsEditor key={`${target}:${JSON.stringify(format.columns)}`} format={format} />}
        <ExportRunCard />
        <CloseSyncCard />
        <ExportHistory />
      </div>
    </Page>
  );
}
