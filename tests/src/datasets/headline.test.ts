import { describe, expect, it } from 'vitest';
import { betterReport, FIGURES, figuresOf } from '../../../src/datasets/headline.js';

describe('headline figures', () => {
  it('sum their cells with blanks as 0, and are blank when no cell of theirs holds a number', () => {
    const f = figuresOf({
      'requests.granted.total': 6,
      'requests.partially_granted.total': null,
      'requests.total_processed.total': 12,
      'requests.denied_state_secret.total': null,
      'requests.denied_third_party_rights.total': null,
    });
    expect(f.granted).toBe(6);
    expect(f.partially_granted).toBeNull();
    expect(f.granted_or_partly).toBe(6);
    expect(f.share_granted_or_partly).toBe(0.5);
    expect(f.denied).toBeNull();
    expect(f.share_denied).toBeNull();
    expect(f.new_requests).toBeNull();
  });

  it('count reviews and lawsuits concluded as total minus pending, and the corrected share over those', () => {
    const f = figuresOf({
      'appeals.review.corrected': 2, 'appeals.review.pending': 1, 'appeals.review.total': 5,
      'appeals.litigation_direct.corrected': 1, 'appeals.litigation_direct.pending': 3, 'appeals.litigation_direct.total': 7,
      'appeals.litigation_after_review.corrected': null, 'appeals.litigation_after_review.pending': null, 'appeals.litigation_after_review.total': 0,
    });
    expect([f.reviews, f.lawsuits, f.corrected, f.concluded]).toEqual([5, 7, 3, 8]);
    expect(f.share_corrected).toBe(3 / 8);
  });

  it('leave a share blank when its denominator is 0', () => {
    const f = figuresOf({ 'requests.granted.total': 0, 'requests.total_processed.total': 0 });
    expect(f.share_granted_or_partly).toBeNull();
  });

  it('list every refusal reason of the template and the 2019 other-handling row', () => {
    const denied = FIGURES.find((x) => x.id === 'denied')!;
    expect(denied.kind === 'count' && denied.plus).toHaveLength(8);
    expect(FIGURES.filter((x) => x.id.startsWith('denied_')).map((x) => x.zh)).toContain('不予公开：属于国家秘密');
    const other = FIGURES.find((x) => x.id === 'other_handling')!;
    expect(other.kind === 'count' && other.plus).toEqual([
      'requests.other_no_correction.total', 'requests.other_unpaid_fee.total', 'requests.other_other.total', 'requests.other_handling.total',
    ]);
    expect(new Set(FIGURES.map((x) => x.id)).size).toBe(FIGURES.length);
  });

  it('prefer an ok report to a partial one, then the one with more cells, keeping the first on a tie', () => {
    expect(betterReport({ status: 'ok', cellCount: 10 }, { status: 'partial', cellCount: 200 })).toBe(true);
    expect(betterReport({ status: 'ok', cellCount: 200 }, { status: 'ok', cellCount: 100 })).toBe(true);
    expect(betterReport({ status: 'ok', cellCount: 100 }, { status: 'ok', cellCount: 100 })).toBe(false);
  });
});
