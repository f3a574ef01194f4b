/**
 * A cell printing digits apart on one line (1 0, 1 0 1 0 2) is one number printed spaced or the values of
 * several columns run into one cell (a grid that lost its column boundaries): read as one number, never
 * certain until an identity confirms it, and a failing identity on it is no `printed` finding.
 */
import { describe, expect, it } from 'vitest';
import { mapTemplates } from '../../../src/templates/map.js';
import { recordFromDocument } from '../../../src/pipeline.js';
import { docWithTables } from './helpers.js';

const COLUMNS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
const appeals = (review: string[]) =>
  docWithTables([
    ['行政复议', '~行政复议', '~行政复议', '~行政复议', '~行政复议', '行政诉讼', '~行政诉讼', '~行政诉讼', '~行政诉讼', '~行政诉讼', '~行政诉讼', '~行政诉讼', '~行政诉讼', '~行政诉讼', '~行政诉讼'],
    ['~行政复议', '~行政复议', '~行政复议', '~行政复议', '~行政复议', '未经复议直接起诉', '~未经复议直接起诉', '~未经复议直接起诉', '~未经复议直接起诉', '~未经复议直接起诉', '复议后起诉', '~复议后起诉', '~复议后起诉', '~复议后起诉', '~复议后起诉'],
    [...COLUMNS, ...COLUMNS, ...COLUMNS],
    [...review, '0', '0', '0', '0', '0', '0', '0', '0', '0', '0'],
  ]);

describe('digits apart on one line of a cell', () => {
  it('are joined into one number in doubt (spaced-values) when no identity says so, and the failing identity is doubtful', () => {
    const doc = appeals(['1', '1', '0', '0', '1 0']);
    const m = mapTemplates(doc);
    expect(m.cells['appeals.review.total']).toBe(10);
    expect(m.details['appeals.review.total']).toMatchObject({ raw: '1 0', doubt: 'spaced-values' });
    const record = recordFromDocument(doc, 'spaced.html', Buffer.from('spaced'));
    const finding = record.findings.find((f) => f.rule === 'appeals.group_total' && f.where === 'review');
    expect(finding?.basis).toBe('doubtful');
  });

  it('are confirmed when the identity holds with the number they join into', () => {
    const m = mapTemplates(appeals(['1', '1', '0', '8', '1 0']));
    expect(m.cells['appeals.review.total']).toBe(10);
    expect(m.details['appeals.review.total']?.doubt).toBeNull();
  });

  it('digits on lines of their own (a number a narrow cell wrapped) are one number, certain', () => {
    const m = mapTemplates(appeals(['1', '1', '0', '8', '1\n0']));
    expect(m.cells['appeals.review.total']).toBe(10);
    expect(m.details['appeals.review.total']?.doubt ?? null).toBeNull();
  });
});
