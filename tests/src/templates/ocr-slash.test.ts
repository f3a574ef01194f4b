import { describe, expect, it } from 'vitest';
import { doubtSlashLikeSevens } from '../../../src/templates/resolve/ocr-slash.js';
import type { CellDetails, CellValues } from '../../../src/templates/result.js';
import type { Message } from '../../../extractors/model.js';

const ocr = { page: 1, origin: 'ocr' as const, confidence: 90 };

function table(raws: Record<string, string>, origin: 'ocr' | 'text' = 'ocr'): { cells: CellValues; details: CellDetails } {
  const cells: CellValues = {};
  const details: CellDetails = {};
  for (const [k, raw] of Object.entries(raws)) {
    cells[k] = /^\d+$/.test(raw) ? Number(raw) : null;
    details[k] = { raw, ...(origin === 'ocr' ? { prov: ocr } : {}), doubt: null };
  }
  return { cells, details };
}

describe("a 7 OCR read in a report that prints blanks as '/'", () => {
  it('is in doubt, and so is no other number', () => {
    const { cells, details } = table({ 'r.a': '/', 'r.b': '/', 'r.c': '/', 'r.d': '7', 'r.e': '17', 'r.f': '5' });
    const messages: Message[] = [];
    doubtSlashLikeSevens(cells, details, messages);
    expect(Object.entries(details).filter(([, d]) => d.doubt).map(([k]) => k)).toEqual(['r.d']);
    expect(cells['r.d']).toBe(7);
    expect(messages.map((m) => m.code)).toEqual(['ocr-slash-seven']);
  });

  it('stands where the report prints no slashes, or was not read by OCR', () => {
    for (const [raws, origin] of [[{ 'r.a': '-', 'r.b': '', 'r.c': '/', 'r.d': '7' }, 'ocr'], [{ 'r.a': '/', 'r.b': '/', 'r.c': '/', 'r.d': '7' }, 'text']] as const) {
      const { cells, details } = table(raws, origin);
      doubtSlashLikeSevens(cells, details, []);
      expect(details['r.d'].doubt).toBeNull();
    }
  });
});
