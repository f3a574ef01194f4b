/**
 * An identity with a cell OCR could not read still fails when no count there could make it hold: the
 * group 复议后起诉 of a scan whose row of table 四 was printed one cell to the right — 9 (the total of
 * 未经复议直接起诉) under its 结果维持, dashes elsewhere, one dash read as 一. 9 + 0 + 0 + x = 0 holds for
 * no count x, so the 9 is in conflict, never a certain 9 (seed 2, combined/scan, shanghai-govoffice-2019).
 */
import { describe, expect, it } from 'vitest';
import { confirmByIdentities } from '../../../src/templates/resolve/confirm.js';
import { identitiesOf, identityCannotHold } from '../../../src/templates/identities.js';
import type { CellDetails, CellValues } from '../../../src/templates/result.js';
import type { Message } from '../../../extractors/model.js';

const GROUP = 'appeals.litigation_after_review';
const ocr = (raw: string, doubt: string | null = null) => ({ raw, doubt, prov: { page: 1, origin: 'ocr' as const, confidence: 96 } });

function afterReview(upheld: number | null, upheldRaw: string): { cells: CellValues; details: CellDetails; messages: Message[] } {
  const cells: CellValues = { [`${GROUP}.upheld`]: upheld, [`${GROUP}.corrected`]: null, [`${GROUP}.other`]: null, [`${GROUP}.pending`]: null, [`${GROUP}.total`]: null };
  const details = {
    [`${GROUP}.upheld`]: ocr(upheldRaw),
    [`${GROUP}.corrected`]: ocr('-'),
    [`${GROUP}.other`]: ocr('-'),
    [`${GROUP}.pending`]: ocr('一', 'unreadable'),
    [`${GROUP}.total`]: ocr('-'),
  } as CellDetails;
  const messages: Message[] = [];
  confirmByIdentities(cells, details, identitiesOf('appeals', '2021'), messages);
  return { cells, details, messages };
}

describe('an identity left open by a cell OCR could not read', () => {
  it('puts its certain OCR cells in conflict when the parts read already exceed the total', () => {
    const { cells, details, messages } = afterReview(9, '9');
    expect(cells[`${GROUP}.upheld`]).toBe(9);
    expect(details[`${GROUP}.upheld`].doubt).toBe('ocr-identity-conflict');
    expect(details[`${GROUP}.total`].doubt).toBe('ocr-identity-conflict');
    expect(details[`${GROUP}.pending`].doubt).toBe('unreadable');
    expect(messages.map((m) => m.code)).toEqual(['ocr-identity-conflict']);
  });

  it('leaves them certain when the open cell could still make it hold (all blank: the open cell is 0)', () => {
    const { details, messages } = afterReview(null, '-');
    expect(details[`${GROUP}.upheld`].doubt).toBe(null);
    expect(details[`${GROUP}.total`].doubt).toBe(null);
    expect(messages).toEqual([]);
  });
});

describe('identityCannotHold', () => {
  const [id] = identitiesOf('appeals', '2021');
  const values = (v: Record<string, number | null | undefined>) => (k: string) => v[k.slice(k.lastIndexOf('.') + 1)];
  it('says nothing while the open cells could balance it, and fails it when they cannot', () => {
    expect(identityCannotHold(id, values({ upheld: 2, corrected: 0, other: 0, pending: undefined, total: 5 }))).toBe(false);
    expect(identityCannotHold(id, values({ upheld: 6, corrected: 0, other: 0, pending: undefined, total: 5 }))).toBe(true);
    expect(identityCannotHold(id, values({ upheld: 6, corrected: 0, other: 0, pending: 0, total: undefined }))).toBe(false);
    expect(identityCannotHold(id, values({ upheld: 2, corrected: 0, other: 0, pending: 0, total: undefined }))).toBe(false);
    expect(identityCannotHold(id, values({ upheld: 2, corrected: 0, other: 0, pending: undefined, total: undefined }))).toBe(false);
    expect(identityCannotHold(id, values({ upheld: 2, corrected: 0, other: 0, pending: 0, total: 3 }))).toBe(true);
    expect(identityCannotHold(id, values({ upheld: 3, corrected: 0, other: 0, pending: 0, total: 3 }))).toBe(false);
  });
});
