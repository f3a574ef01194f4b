/**
 * Review decisions on findings: `OUT/reviews.ndjson`, one decision a line, append-only, the last line
 * of a key wins. The key is the report's sha256 + rule + the finding's cells (sorted), so a decision
 * survives re-extraction of the same document and follows neither report ids nor row order.
 */
import { appendFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

export const REVIEWS_FILE = 'reviews.ndjson';

export const Decision = z.enum(['confirmed', 'dismissed', 'open']);
export type Decision = z.infer<typeof Decision>;

export const Review = z.object({
  key: z.string().min(1),
  decision: Decision,
  note: z.string().max(4000).default(''),
  reviewer: z.string().max(200).default(''),
  /** ISO time the decision was recorded. */
  at: z.string(),
});
export type Review = z.infer<typeof Review>;

/** The key of a finding's review: stable across runs for the same bytes. */
export function reviewKey(sha256: string, rule: string, cells: readonly string[]): string {
  return `${sha256}|${rule}|${[...cells].sort().join(' ')}`;
}

/**
 * Every decision recorded, in the order recorded (the datasets' `reviews` table keeps this history); a
 * missing file is none, a line that is not a decision is skipped.
 */
export async function readReviewLog(outDir: string): Promise<Review[]> {
  let text: string;
  try {
    text = await readFile(join(outDir, REVIEWS_FILE), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const log: Review[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    let parsed;
    try {
      parsed = Review.safeParse(JSON.parse(line));
    } catch {
      continue; // a torn last line from a crash mid-append
    }
    if (parsed.success) log.push(parsed.data);
  }
  return log;
}

/** The decision in force for each key: the last line of the key wins. */
export async function readReviews(outDir: string): Promise<Map<string, Review>> {
  return new Map((await readReviewLog(outDir)).map((review) => [review.key, review]));
}

/** Appends one decision (a single write of a single line, so concurrent appends do not interleave). */
export async function appendReview(outDir: string, review: Review): Promise<void> {
  await appendFile(join(outDir, REVIEWS_FILE), JSON.stringify(Review.parse(review)) + '\n', 'utf8');
}

/** Whether a finding counts as unreviewed: no decision, or a decision put back to `open`. */
export function isUnreviewed(review: Review | undefined): boolean {
  return !review || review.decision === 'open';
}
