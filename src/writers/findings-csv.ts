import { csvWriter } from './csv-writer.js';
import { checkedCellLocation } from './cell-location.js';
import { neutraliseFormula } from './formula.js';
import type { Writer } from './writer.js';
import { readReviews, reviewKey, type Review } from '../reviews/store.js';

/**
 * findings.csv: one row per failed reconciliation, naming the cells, expected and actual, where the
 * checked cell is printed, and the reviewer's decision on it from `reviews.ndjson` in the output
 * folder (read when the file is opened).
 */
export const findingsCsv = (): Writer => {
  let reviews = new Map<string, Review>();
  const csv = csvWriter(
    'findings.csv',
    [
      'report_id', 'source', 'rule', 'severity', 'cells', 'expected', 'actual', 'message', 'basis', 'where', 'left', 'right', 'agency', 'year',
      'checked_cell', 'page', 'bbox', 'review', 'review_note', 'location',
    ],
    (r) =>
      r.findings.map((f) => {
        const at = checkedCellLocation(r, f);
        const review = reviews.get(reviewKey(r.sha256, f.rule, f.cells));
        return [
          r.report_id, r.source, f.rule, f.severity, f.cells.join(' '), f.expected, f.actual, f.message, f.basis, f.where, f.left, f.right,
          r.agency, r.year, at.cell, at.page, at.bbox, review?.decision, review && neutraliseFormula(review.note), at.location,
        ];
      }),
  );
  return {
    ...csv,
    async open(dir, outDir) {
      reviews = await readReviews(outDir ?? dir);
      await csv.open(dir, outDir);
    },
  };
};
