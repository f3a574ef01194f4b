import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extensionFor, removeStaleTempFiles, sha256Of, storeContent } from '../../../src/crawl/storage.js';
import { tempPathBeside } from '../../../src/util/atomic.js';
import { writeFile } from 'node:fs/promises';
import { PINGTAN_2023_PDF, PINGTAN_2023_XLS } from './fixture-server.js';
import { readFileSync } from 'node:fs';

const DOCX = readFileSync(new URL('../../../../shared/corpus/rendered/pingtan-2024-docx.docx', import.meta.url));

describe('content-addressed storage', () => {
  it('names files by what the bytes are, whatever the Content-Type says', () => {
    expect(extensionFor(PINGTAN_2023_PDF, 'text/html')).toBe('.pdf');
    expect(extensionFor(DOCX, 'application/octet-stream')).toBe('.docx');
    expect(extensionFor(readFileSync('tests/fixtures/ofd/hongze-2023.ofd'), 'application/octet-stream')).toBe('.ofd');
    expect(extensionFor(Buffer.from('<!DOCTYPE html><html></html>'), 'application/pdf')).toBe('.html');
    expect(extensionFor(Buffer.from('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd"><html xmlns="http://www.w3.org/1999/xhtml">'), 'text/xml')).toBe('.html');
    expect(extensionFor(Buffer.from('<?xml version="1.0"?><datastore><record/></datastore>'), 'text/xml')).toBe('.xml');
    expect(extensionFor(Buffer.from('<?xml version="1.0"?><rss><channel><title>年报</title></channel></rss>'), 'application/rss+xml')).toBe('.xml');
    expect(extensionFor(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]), 'application/vnd.ms-excel')).toBe('.xls');
    expect(extensionFor(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]), 'application/octet-stream')).toBe('.doc');
  });

  it('tells an OLE2 workbook (.xls, WPS .et) from a Word file by its Workbook stream, whatever the Content-Type says', () => {
    expect(extensionFor(PINGTAN_2023_XLS, 'application/octet-stream')).toBe('.xls');
    expect(extensionFor(PINGTAN_2023_XLS, 'application/msword')).toBe('.xls');
    expect(extensionFor(readFileSync('tests/fixtures/doc/minzheng-2023.doc'), 'application/vnd.ms-excel')).toBe('.doc');
  });

  it('falls back to the Content-Type, then to .bin', () => {
    expect(extensionFor(Buffer.from('{"a":1}'), 'application/json')).toBe('.json');
    expect(extensionFor(Buffer.from('plain words'), 'text/plain; charset=utf-8')).toBe('.txt');
    expect(extensionFor(Buffer.from([1, 2, 3]), undefined)).toBe('.bin');
  });

  it('names RAR and 7z archives by their first bytes, then by a Content-Type that says so', () => {
    expect(extensionFor(Buffer.from('Rar!\x1a\x07\x00\xcf\x90', 'latin1'), 'application/octet-stream')).toBe('.rar');
    expect(extensionFor(Buffer.from('Rar!\x1a\x07\x01\x00', 'latin1'), 'text/html')).toBe('.rar');
    expect(extensionFor(Buffer.from([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c, 0, 4]), 'application/octet-stream')).toBe('.7z');
    expect(extensionFor(Buffer.from([1, 2, 3]), 'application/vnd.rar')).toBe('.rar');
    expect(extensionFor(Buffer.from([1, 2, 3]), 'application/x-7z-compressed')).toBe('.7z');
  });

  it('writes identical content once, under its sha256', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'nianbao-storage-'));
    try {
      const first = await storeContent(dir, PINGTAN_2023_PDF, 'application/pdf');
      const second = await storeContent(dir, PINGTAN_2023_PDF, 'application/octet-stream');
      expect(first).toEqual({ sha256: sha256Of(PINGTAN_2023_PDF), path: `files/${sha256Of(PINGTAN_2023_PDF)}.pdf`, extension: '.pdf' });
      expect(second).toEqual(first);
      expect(await readdir(join(dir, 'files'))).toEqual([`${first.sha256}.pdf`]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('removes what an interrupted atomic write left behind, and nothing else', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'nianbao-stale-'));
    try {
      await writeFile(join(dir, 'manifest.ndjson'), '{}\n');
      await writeFile(tempPathBeside(join(dir, 'manifest.ndjson')), 'half');
      expect(await removeStaleTempFiles(dir)).toBe(1);
      expect(await readdir(dir)).toEqual(['manifest.ndjson']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
