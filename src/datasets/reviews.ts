/**
 * Human reviews kept beside the outputs in reviews.ndjson (one JSON object a line:
 * {key, decision, note, reviewer, at}). The datasets carry them as they are; a line that is not such
 * an object is left out rather than failing the run.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface Review {
  key: string;
  decision: string | null;
  note: string | null;
  reviewer: string | null;
  at: string | null;
}

const str = (v: unknown) => (typeof v === 'string' ? v : null);

export async function readReviews(dir: string): Promise<Review[]> {
  let text: string;
  try {
    text = await readFile(join(dir, 'reviews.ndjson'), 'utf8');
  } catch {
    return [];
  }
  const reviews: Review[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    let v: Record<string, unknown>;
    try {
      v = JSON.parse(line);
    } catch {
      continue;
    }
    if (v && typeof v.key === 'string') reviews.push({ key: v.key, decision: str(v.decision), note: str(v.note), reviewer: str(v.reviewer), at: str(v.at) });
  }
  return reviews;
}
