import { describe, expect, it } from 'vitest';
import { doubtUncheckedOcr } from '../../../src/templates/resolve/ocr-unverified.js';
import { identitiesOf } from '../../../src/templates/identities.js';
import type { CellDetails, CellValues } from '../../../src/templates/result.js';
import type { Message } from '../../../extractors/model.js';

const ocr = (raw: string, doubt: string | null = null, confidence = 95) => ({ raw, prov: { origin: 'ocr' as const, confidence }, doubt });

function read(conflict: string | null, confidence = 95): { cells: CellValues; details: CellDetails; messages: Message[] } {
  const cells: CellValues = { 'proactive.administrative_enforcement.decisions': 63, 'proactive.rules.issued': 0, 'requests.unavailable_not_held.natural_person': 73 };
  const details: CellDetails = {
    'proactive.administrative_enforcement.decisions': ocr('63'),
    'proactive.rules.issued': { raw: '0', doubt: null },
    'requests.unavailable_not_held.natural_person': ocr('73', conflict, confidence),
  };
  const messages: Message[] = [];
  const identities = [...identitiesOf('proactive', '2021'), ...identitiesOf('requests', '2021'), ...identitiesOf('appeals', '2021')];
  doubtUncheckedOcr(cells, details, identities, messages);
  return { cells, details, messages };
}

describe('OCR cells no identity checks, in a document whose OCR the identities caught misreading', () => {
  it('lose their certainty, keeping their number; cells not read by OCR keep theirs', () => {
    const { cells, details, messages } = read('ocr-identity-conflict');
    expect(cells['proactive.administrative_enforcement.decisions']).toBe(63);
    expect(details['proactive.administrative_enforcement.decisions'].doubt).toBe('ocr-unverified');
    expect(details['proactive.rules.issued'].doubt).toBeNull();
    expect(details['requests.unavailable_not_held.natural_person'].doubt).toBe('ocr-identity-conflict');
    expect(messages.map((m) => m.code)).toEqual(['ocr-unverified']);
  });

  it('stay certain when the only misreading the identities corrected was read below the confidence floor', () => {
    const { details, messages } = read('identity-resolved', 34);
    expect(details['proactive.administrative_enforcement.decisions'].doubt).toBeNull();
    expect(messages).toEqual([]);
    // The same correction of a confident reading is proof that confidence is not enough here.
    expect(read('identity-resolved').details['proactive.administrative_enforcement.decisions'].doubt).toBe('ocr-unverified');
  });

  it('stay certain when the only cell the identities resolved is a blank they kept as read (0 as a blank shows it)', () => {
    // row-faults/tiff seed 2: a 0 lost from a cell read blank; two identities require 0, the blank as read stands.
    const cells: CellValues = { 'proactive.administrative_enforcement.decisions': 63, 'requests.denied_prohibited_by_law.commercial': null };
    const details: CellDetails = {
      'proactive.administrative_enforcement.decisions': ocr('63'),
      'requests.denied_prohibited_by_law.commercial': { raw: '', prov: { origin: 'ocr' as const }, doubt: 'identity-resolved' },
    };
    const messages: Message[] = [];
    doubtUncheckedOcr(cells, details, [...identitiesOf('proactive', '2021'), ...identitiesOf('requests', '2021')], messages);
    expect(details['proactive.administrative_enforcement.decisions'].doubt).toBeNull();
    expect(messages).toEqual([]);
  });

  it('stay certain when the identities found no OCR misreading', () => {
    const { details, messages } = read(null);
    expect(details['proactive.administrative_enforcement.decisions'].doubt).toBeNull();
    expect(messages).toEqual([]);
  });
});

describe('OCR cells no identity checks, read only by agreeing reads', () => {
  it('are in doubt below tesseract confidence 95 even where no misreading was found (two reads agreeing on 55 as 59 are given 90)', () => {
    const cells: CellValues = { 'proactive.normative_documents.repealed': 59, 'proactive.rules.issued': 3, 'requests.granted.natural_person': 71 };
    const details: CellDetails = {
      'proactive.normative_documents.repealed': ocr('59', null, 90),
      'proactive.rules.issued': ocr('3', null, 96),
      'requests.granted.natural_person': ocr('71', null, 90),
    };
    const messages: Message[] = [];
    doubtUncheckedOcr(cells, details, [...identitiesOf('proactive', '2021'), ...identitiesOf('requests', '2021')], messages);
    expect(cells['proactive.normative_documents.repealed']).toBe(59);
    expect(details['proactive.normative_documents.repealed'].doubt).toBe('ocr-unverified');
    expect(details['proactive.rules.issued'].doubt).toBeNull();
    // An identity checks this one: it is the identities' to confirm or doubt.
    expect(details['requests.granted.natural_person'].doubt).toBeNull();
    expect(messages.map((m) => m.code)).toEqual(['ocr-unverified']);
  });
});

describe('numbers OCR read from flat glyphs', () => {
  it('are in doubt when under half the height of the document’s other OCR-read digits (a dash read as 7)', async () => {
    const { doubtFlatOcrNumbers } = await import('../../../src/templates/resolve/ocr-flat.js');
    const cells: CellValues = {};
    const details: CellDetails = {};
    for (let i = 0; i < 9; i++) {
      cells[`requests.granted.c${i}`] = i;
      details[`requests.granted.c${i}`] = { raw: String(i), prov: { origin: 'ocr', confidence: 96, bbox: [10 * i, 100, 10 * i + 5, 108] }, doubt: null };
    }
    cells['requests.rejected_duplicate.total'] = 7;
    details['requests.rejected_duplicate.total'] = { raw: '7', prov: { origin: 'ocr', confidence: 90, bbox: [551, 381.96, 553.68, 384.36] }, doubt: null };
    const messages: Message[] = [];
    doubtFlatOcrNumbers(cells, details, messages);
    expect(details['requests.rejected_duplicate.total'].doubt).toBe('ocr-low-confidence');
    expect(details['requests.granted.c1'].doubt).toBeNull();
    expect(messages.map((m) => m.code)).toEqual(['ocr-flat-glyph']);
  });
});
