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

  it('stay certain when the identities found no OCR misreading', () => {
    const { details, messages } = read(null);
    expect(details['proactive.administrative_enforcement.decisions'].doubt).toBeNull();
    expect(messages).toEqual([]);
  });
});
