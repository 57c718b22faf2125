import fs from 'node:fs';
import Papa from 'papaparse';
import type { Db } from '../../../src/main/core/db/database';
import { runExport } from '../../../src/main/core/export/runExport';
import type { ExportRequest } from '../../../src/shared/domain/export';
import { fixedClock } from '../../helpers/exportSeed';

/** Runs an export in-process, as the CLI does; `cancelAt` makes the job's cancel check throw. */
export function exportTo(
  db: Db,
  file: string,
  request: Partial<ExportRequest> & Pick<ExportRequest, 'target'>,
  options: { cancel?: boolean; clock?: string } = {},
) {
  return runExport(
    {
      db,
      clock: fixedClock(options.clock),
      progress: () => undefined,
      throwIfCancelled: () => {
        if (options.cancel) throw new Error('cancelled by test');
      },
    },
    { scope: { kind: 'approved' }, sinceLast: false, bom: false, ...request, path: file },
  );
}

/** A written file read back as a CRM importer would: header row, then one object per row. */
export function readCsv(file: string): { headers: string[]; rows: Record<string, string>[]; text: string } {
  const text = fs.readFileSync(file, 'utf8');
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\ufeff/, ''), {
    header: true,
    skipEmptyLines: true,
  });
  if (parsed.errors.length) throw new Error(JSON.stringify(parsed.errors));
  return { headers: parsed.meta.fields ?? [], rows: parsed.data, text };
}
