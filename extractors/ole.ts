/**
 * Legacy Word (.doc) and WPS (.wps) files: OLE2 compound documents that no JavaScript library reads
 * well. LibreOffice, when installed, converts them to DOCX, which the DOCX reader then reads; without
 * it the document fails with a reason that says what to install. Government portals still attach
 * many reports in these formats.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { readLimits, type Reader } from './reader.js';
import { DEFAULT_LIMITS } from './limits.js';
import { UnreadableDocumentError } from './model.js';

const OLE2_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

export function isOle2(head: Buffer): boolean {
  return head.length >= 8 && head.subarray(0, 8).equals(OLE2_MAGIC);
}

function run(cmd: string, args: string[], timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 1 << 20 }, (err) => (err ? reject(err) : resolve()));
  });
}

export async function convertOleToDocx(bytes: Buffer, name = 'document.doc', timeoutMs: number = DEFAULT_LIMITS.legacyConvertTimeoutMs): Promise<Buffer> {
  const dir = await mkdtemp(path.join(tmpdir(), 'nianbao-ole-'));
  try {
    const ext = /\.wps$/i.test(name) ? '.wps' : '.doc';
    const input = path.join(dir, `input${ext}`);
    await writeFile(input, bytes);
    // A profile of its own: concurrent conversions (one per worker) must not share one.
    const profile = pathToFileURL(path.join(dir, 'profile')).href;
    try {
      await run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', path.join(dir, 'out'), input], timeoutMs);
    } catch (err) {
      const e = err as NodeJS.ErrnoException & { killed?: boolean };
      if (e.code === 'ENOENT') {
        throw new UnreadableDocumentError('legacy-word-unsupported', 'a legacy Word/WPS (OLE2) document: install LibreOffice (soffice) to read .doc and .wps files');
      }
      if (e.killed) throw new UnreadableDocumentError('legacy-word-timeout', `LibreOffice did not convert the document within ${timeoutMs / 1000} s (legacyConvertTimeoutMs)`);
      throw new UnreadableDocumentError('corrupt-doc', `LibreOffice could not convert the document: ${e.message.split('\n')[0]}`);
    }
    const produced = (await readdir(path.join(dir, 'out')).catch(() => [])).find((f) => f.endsWith('.docx'));
    if (!produced) throw new UnreadableDocumentError('corrupt-doc', 'LibreOffice could not convert the document (not a Word or WPS file, or damaged)');
    return await readFile(path.join(dir, 'out', produced));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export const oleReader: Reader = {
  format: 'doc',
  sniff: (head) => isOle2(head),
  async read(bytes, options) {
    const limits = readLimits(options);
    const docx = await convertOleToDocx(bytes, options.name, limits.legacyConvertTimeoutMs);
    const { docxToDocument } = await import('./docx/index.js');
    const doc = await docxToDocument(docx, limits);
    return { ...doc, format: 'doc', messages: [{ code: 'converted-by-libreoffice', message: 'legacy Word/WPS document converted to DOCX by LibreOffice before reading' }, ...doc.messages] };
  },
};
