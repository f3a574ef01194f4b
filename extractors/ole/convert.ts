/**
 * LibreOffice headless as a converter of legacy OLE2 files (.doc/.wps to DOCX, .xls/.et to XLSX),
 * optional at run time: when soffice is not installed the document fails with a reason that says
 * what to install. Each conversion gets a temporary folder of its own (and, from extractors/soffice.ts,
 * a LibreOffice profile of its own), so concurrent conversions (one per worker) never share one.
 */
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { UnreadableDocumentError } from '../model.js';
import { sofficeConvert } from '../soffice.js';
import type { ReaderFailureCode } from '../failure-codes.js';

export interface Conversion {
  /** The extension the input is saved under (LibreOffice decides by content; the name is a hint). */
  inputExtension: string;
  /** soffice's --convert-to argument: target extension and export filter. */
  convertTo: string;
  outputExtension: string;
  /** Error codes and the sentence for a missing LibreOffice. */
  missingCode: ReaderFailureCode;
  missingMessage: string;
  timeoutCode: ReaderFailureCode;
  corruptCode: ReaderFailureCode;
  /** What the input should have been, for the message when nothing came out. */
  expected: string;
  /** legacyConvertTimeoutMs: a cold LibreOffice start plus the conversion takes a few seconds. */
  timeoutMs: number;
}

export async function convertWithLibreOffice(bytes: Buffer, conversion: Conversion): Promise<Buffer> {
  const dir = await mkdtemp(path.join(tmpdir(), 'nianbao-ole-'));
  try {
    const input = path.join(dir, `input${conversion.inputExtension}`);
    await writeFile(input, bytes);
    try {
      await sofficeConvert({ files: [input], convertTo: conversion.convertTo, outDir: path.join(dir, 'out'), timeoutMs: conversion.timeoutMs });
    } catch (err) {
      const e = err as NodeJS.ErrnoException & { killed?: boolean };
      if (e.code === 'ENOENT') throw new UnreadableDocumentError(conversion.missingCode, conversion.missingMessage);
      if (e.killed) throw new UnreadableDocumentError(conversion.timeoutCode, `LibreOffice did not convert the document within ${conversion.timeoutMs / 1000} s (legacyConvertTimeoutMs)`);
      throw new UnreadableDocumentError(conversion.corruptCode, `LibreOffice could not convert the document: ${e.message.split('\n')[0]}`);
    }
    const produced = (await readdir(path.join(dir, 'out')).catch(() => [])).find((f) => f.endsWith(conversion.outputExtension));
    if (!produced) throw new UnreadableDocumentError(conversion.corruptCode, `LibreOffice could not convert the document (not ${conversion.expected}, or damaged)`);
    return await readFile(path.join(dir, 'out', produced));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
