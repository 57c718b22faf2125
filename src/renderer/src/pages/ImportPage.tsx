import { useEffect } from 'react';
import { Page } from '../components/Page';
import { EmptyState } from '../components/EmptyState';
import { api, unwrap } from '../api';
import { useImports } from '../stores/importStore';
import { FileQueue } from './import/FileQueue';
import { Wizard } from './import/Wizard';
import { ImportHistory } from './import/ImportHistory';

export function ImportPage() {
  const { items, selected, addPaths, loadHistory, listen } = useImports();
  useEffect(() => {
    void loadHistory();
    return listen();
  }, [loadHistory, listen]);
  const current = items.find((i) => i.key === selected) ?? null;
  const choose = async () => {
    const paths = await unwrap(api().system.pickFiles({ title: 'Choose spreadsheets to import' }));
    if (paths.length > 0) addPaths(paths);
  };
  return (
    <Page
      id="import"
      title="Import"
      actions={
        <button
          type="button"
          className="button button--primary"
          data-testid="choose-files"
          onClick={() => void choose()}
        >
          Choose files…
        </button>
      }
    >
      <div className="import-layout">
        <div className="import-layout__side">
          <div className="drop-zone" data-testid="drop-zone">
            Drop CSV, TSV or Excel files anywhere on the window. Several files wait in line here.
          </div>
          <FileQueue />
        </div>
        <div className="import-layout__main">
          {current ? (
            <Wizard item={current} />
          ) : (
            <EmptyState title="Nothing to import yet">
              <p>
                Drop GTM segment lists, contractor-license rosters, your LinkedIn Connections.csv or a CRM
                export on the window, or choose them. Each file is read, its columns are mapped for you to
                check, every problem is shown before anything is saved, and a whole import can be undone.
              </p>
            </EmptyState>
          )}
        </div>
      </div>
      <ImportHistory />
    </Page>
  );
}
