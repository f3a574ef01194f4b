import { createHash } from 'node:crypto';

/** A short id of a review key for the pages (keys name every cell of a finding and can be long). */
export function reviewId(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}
