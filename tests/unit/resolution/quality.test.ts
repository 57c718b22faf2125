import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freshDb, importFile } from '../../helpers/importing';
import { REAL_FIXTURES } from '../../helpers/paths';
import { cli } from '../../helpers/cli';
import { chicagoLabelsByRow, scoreClusters } from '../../../bench/dedupe/throughAppScore';

/**
 * The quality goal, measured the way a seller gets it: import the messy Chicago file, run
 * "Find duplicates" with the default thresholds, and score the resulting records pairwise
 * against the labels (True Id). Review pairs count as not merged.
 */
describe('deduplication of real data, through the app', () => {
  const t = freshDb();
  afterAll(() => t.cleanup());

  it('reaches precision and recall of at least 0.95 on the Chicago providers', async () => {
    const report = await importFile(t.db, {
      path: path.join(REAL_FIXTURES, 'dedupe_csv_example/csv_example_messy_input.csv'),
    });
    expect(report.rowsRead).toBe(3337);
    t.db.close();
    const dedupe = await cli('--db', t.file, 'dedupe', '--json');
    expect(dedupe.code).toBe(0);
    expect(dedupe.json()).toMatchObject({ merged: expect.any(Number), sentToReview: expect.any(Number) });
    const clusters = (await cli('--db', t.file, 'clusters', '--json')).json() as Parameters<
      typeof scoreClusters
    >[0];
    // Every row of the file is in exactly one record.
    const rows = clusters.flatMap((c) => c.rows.map((r) => r.row)).sort((a, b) => a - b);
    expect(rows).toEqual(Array.from({ length: 3337 }, (_, i) => i + 1));
    const { scores } = scoreClusters(clusters, chicagoLabelsByRow(), []);
    expect(scores.precision).toBeGreaterThanOrEqual(0.95);
    expect(scores.recall).toBeGreaterThanOrEqual(0.95);
    // A second run finds nothing new.
    expect((await cli('--db', t.file, 'dedupe', '--json')).json()).toMatchObject({
      merged: 0,
      sentToReview: 0,
    });
  });
});
