import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { pairwiseScores, type PairwiseScores } from '../../src/main/core/dedupe/evaluate';

const FIXTURES = path.resolve(import.meta.dirname, '../../tests/fixtures/real/dedupe_csv_example');

export interface AppQuality {
  scores: PairwiseScores;
  reviewPairs: number;
  reviewTrue: number;
  imported?: unknown;
  deduped?: unknown;
  seconds?: number;
}

/** Data row number in the unlabelled file (1 = first row under the header) → its True Id. */
export function chicagoLabelsByRow(): Map<number, string> {
  const read = (file: string) =>
    Papa.parse<Record<string, string>>(fs.readFileSync(path.join(FIXTURES, file), 'utf8'), {
      header: true,
      skipEmptyLines: true,
    }).data;
  const truth = new Map(read('csv_example_input_with_true_ids.csv').map((r) => [r['Id']!, r['True Id']!]));
  const labels = new Map<number, string>();
  read('csv_example_messy_input.csv').forEach((row, i) => labels.set(i + 1, truth.get(row['Id']!)!));
  return labels;
}

/**
 * Scores the app's clusters (each record with the file rows behind it) pairwise against labels;
 * pairs still waiting in the review queue count as not merged, and are counted apart.
 */
export function scoreClusters(
  clusters: { entity_id: number; kind: string; rows: { row: number }[] }[],
  labels: Map<number, string>,
  review: { left_id: number; right_id: number }[],
): AppQuality {
  const companies = clusters.filter((c) => c.kind === 'company');
  const predicted = companies.map((c) => c.rows.map((r) => r.row));
  const scores = pairwiseScores(predicted, labels);
  const labelOfEntity = new Map(companies.map((c) => [c.entity_id, c.rows.map((r) => labels.get(r.row))]));
  const reviewTrue = review.filter((p) => {
    const a = labelOfEntity.get(p.left_id) ?? [];
    const b = labelOfEntity.get(p.right_id) ?? [];
    return a.some((l) => b.includes(l));
  }).length;
  return { scores, reviewPairs: review.length, reviewTrue };
}
