import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractBytes } from '../../src/pipeline.js';
import { isOle2 } from '../../extractors/ole.js';
import { hasLibreOffice } from '../helpers/libreoffice.js';

const DOC = readFileSync('tests/fixtures/doc/minzheng-2023.doc');

describe('legacy Word (.doc) and WPS files', () => {
  it('are recognised by their OLE2 signature, whatever their name', () => {
    expect(isOle2(DOC)).toBe(true);
    expect(isOle2(readFileSync('samples/minzheng-2023.docx'))).toBe(false);
  });

  it.runIf(hasLibreOffice)('are read through LibreOffice into the same cells as the DOCX', async () => {
    const record = await extractBytes(DOC, 'minzheng-2023.wps');
    expect(record).toMatchObject({ format: 'doc', status: 'ok', agency: '示例市示例区民政局', year: 2023 });
    expect(record.cells['requests.new_received.total']).toBe(44);
    expect(record.cells['appeals.review.total']).toBe(4);
    expect(record.messages.map((m) => m.code)).toContain('converted-by-libreoffice');
  }, 120_000);

  it.runIf(!hasLibreOffice)('fail with a reason that says what to install when LibreOffice is missing', async () => {
    const record = await extractBytes(DOC, 'minzheng-2023.doc');
    expect(record.status).toBe('failed');
    expect(record.error).toMatch(/legacy-word-unsupported: .*LibreOffice/);
  });
});
