import { mkdtempSync, readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendReview, isUnreviewed, readReviewLog, readReviews, reviewKey } from '../../../src/reviews/store.js';

describe('review decisions in reviews.ndjson', () => {
  it('keys a finding by the report bytes, the rule and its cells in any order', () => {
    expect(reviewKey('abc', 'requests.balance', ['requests.b.total', 'requests.a.total'])).toBe(reviewKey('abc', 'requests.balance', ['requests.a.total', 'requests.b.total']));
    expect(reviewKey('abc', 'requests.balance', ['x'])).not.toBe(reviewKey('abd', 'requests.balance', ['x']));
    expect(reviewKey('abc', 'requests.balance', ['x'])).not.toBe(reviewKey('abc', 'requests.row_total', ['x']));
  });

  it('reads no decisions when the file does not exist', async () => {
    expect((await readReviews(mkdtempSync(join(tmpdir(), 'nianbao-rv-')))).size).toBe(0);
  });

  it('appends one line per decision and the last line of a key wins', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-rv-'));
    await appendReview(dir, { key: 'k1', decision: 'confirmed', note: '', reviewer: '甲', at: '2026-01-01T00:00:00Z' });
    await appendReview(dir, { key: 'k2', decision: 'open', note: '待查', reviewer: '乙', at: '2026-01-01T00:00:01Z' });
    await appendReview(dir, { key: 'k1', decision: 'dismissed', note: '读取错误', reviewer: '甲', at: '2026-01-01T00:00:02Z' });
    expect(readFileSync(join(dir, 'reviews.ndjson'), 'utf8').trim().split('\n')).toHaveLength(3);
    const reviews = await readReviews(dir);
    expect(reviews.get('k1')).toMatchObject({ decision: 'dismissed', note: '读取错误' });
    expect(reviews.get('k2')).toMatchObject({ decision: 'open', reviewer: '乙' });
    // The log (the datasets' reviews table) keeps every decision in the order recorded.
    expect((await readReviewLog(dir)).map((r) => `${r.key}:${r.decision}`)).toEqual(['k1:confirmed', 'k2:open', 'k1:dismissed']);
  });

  it('skips a line torn by a crash or not a decision, and keeps the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-rv-'));
    writeFileSync(join(dir, 'reviews.ndjson'), JSON.stringify({ key: 'k1', decision: 'confirmed', note: '', reviewer: '', at: 'x' }) + '\n');
    appendFileSync(join(dir, 'reviews.ndjson'), JSON.stringify({ key: 'k1', decision: 'maybe', at: 'y' }) + '\n{"key":"k1","deci');
    const reviews = await readReviews(dir);
    expect(reviews.get('k1')?.decision).toBe('confirmed');
  });

  it('counts a finding as unreviewed with no decision or one put back to open', () => {
    expect(isUnreviewed(undefined)).toBe(true);
    expect(isUnreviewed({ key: 'k', decision: 'open', note: '', reviewer: '', at: '' })).toBe(true);
    expect(isUnreviewed({ key: 'k', decision: 'dismissed', note: '', reviewer: '', at: '' })).toBe(false);
    expect(isUnreviewed({ key: 'k', decision: 'confirmed', note: '', reviewer: '', at: '' })).toBe(false);
  });
});
