/**
 * Opening a PDF with the pdf.js that pdf-parse bundles. Kept in one place so every caller gets the
 * same Node-safe options: without the packed CMaps, text in non-embedded Chinese fonts (STSong-Light
 * with UniGB-UCS2-H and the like) comes back empty without any error.
 */
import { createHash } from 'node:crypto';
import { access, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { constants as zlibConstants, inflateRawSync } from 'node:zlib';
import { UnreadableDocumentError } from '../model.js';
import { asIfAt, patchMainSource, patchWorkerSource } from './pdfjs-patch.js';
import { rememberInflated } from './raw/inflated.js';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
export type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;
export type PdfPage = Awaited<ReturnType<PdfDocument['getPage']>>;

const require = createRequire(import.meta.url);
const PDFJS_ROOT = path.dirname(require.resolve('pdfjs-dist/package.json'));
// pdf.js in Node reads these with fs.readFile, so plain directory paths (with the trailing slash) work.
const CMAP_DIR = path.join(PDFJS_ROOT, 'cmaps') + path.sep;
const STANDARD_FONT_DIR = path.join(PDFJS_ROOT, 'standard_fonts') + path.sep;

let pdfjsModule: Promise<PdfJs> | undefined;
/** A name, not a literal: the package ships no types for the worker module, and only its side effect is wanted. */
const PDFJS_WORKER: string = 'pdfjs-dist/legacy/build/pdf.worker.mjs';
const PDFJS_MAIN: string = 'pdfjs-dist/legacy/build/pdf.mjs';

/** What the patched worker adds (extractors/pdf/pdfjs-patch.ts); absent when the patch did not apply. */
interface WorkerModule {
  nianbaoSetPatched?: (on: boolean, natives?: { inflatePrefix: (bytes: Uint8Array) => Uint8Array; inflate: (bytes: Uint8Array) => Uint8Array }) => void;
  nianbaoTextOnlyFontCount?: () => number;
  nianbaoTextLoopStopCount?: () => number;
}
let workerModule: WorkerModule | undefined;

/** Loaded lazily: reading a DOCX should not pay for parsing pdf.js. */
export function loadPdfJs(): Promise<PdfJs> {
  pdfjsModule ??= withNativePush(async () => {
    const pdfjs = await importPatched<PdfJs>(PDFJS_MAIN, patchMainSource);
    // The worker half too, now (it sets globalThis.pdfjsWorker, which pdf.js then uses in-process
    // instead of importing it on the first document), so that no later import replaces push again.
    workerModule = await importPatched<WorkerModule>(PDFJS_WORKER, patchWorkerSource);
    workerModule.nianbaoSetPatched?.(true, { inflatePrefix, inflate: inflateWhole });
    return pdfjs;
  });
  return pdfjsModule;
}

/**
 * A half of pdf.js with its patches (pdfjs-patch.ts) in, imported from its patched source as if
 * from its own file; the package's module unpatched when a patch does not fit the installed version.
 * Either half may go unpatched alone: an unpatched main half clones the chunks the worker hands over.
 */
async function importPatched<T>(specifier: string, patch: (source: string) => string | undefined): Promise<T> {
  const file = require.resolve(specifier);
  const patched = patch(await readFile(file, 'utf8'));
  if (patched === undefined) return (await import(specifier)) as T;
  const source = asIfAt(patched, pathToFileURL(file).href);
  const cached = await cachedModule(path.basename(file, '.mjs'), source);
  if (cached) return (await import(pathToFileURL(cached).href)) as T;
  return (await import(`data:text/javascript;base64,${Buffer.from(source).toString('base64')}`)) as T;
}

/**
 * The patched source as a file in node_modules/.cache/nianbao-pdfjs (named by its hash, written once
 * and renamed into place, so processes starting together never see half a file): a file imports in
 * ~110 ms of CPU where the same source as a data: URL takes ~260. undefined when it cannot be
 * written (read-only install): the caller imports a data: URL.
 */
async function cachedModule(name: string, source: string): Promise<string | undefined> {
  const dir = path.join(PDFJS_ROOT, '..', '.cache', 'nianbao-pdfjs');
  const target = path.join(dir, `${name}-${createHash('sha256').update(source).digest('hex').slice(0, 16)}.mjs`);
  try {
    await access(target);
    return target;
  } catch {
    // not written yet
  }
  try {
    await mkdir(dir, { recursive: true });
    const partial = `${target}.${process.pid}.${Date.now()}.partial`;
    await writeFile(partial, source);
    await rename(partial, target);
    return target;
  } catch {
    return undefined;
  }
}

/** A whole raw deflate stream decoded (throwing unless it ends properly), kept for the raw reader (raw/inflated.ts). */
function inflateWhole(bytes: Uint8Array): Uint8Array {
  const out = inflateRawSync(bytes);
  rememberInflated(bytes, out);
  return out;
}

/** What the start of a raw deflate stream decodes to; partial (sync flush), as the data is cut short. */
function inflatePrefix(bytes: Uint8Array): Uint8Array {
  return inflateRawSync(bytes, { finishFlush: zlibConstants.Z_SYNC_FLUSH });
}

/**
 * Whether pdf.js's patches (pdfjs-patch.ts) are on (the default); false makes the patched pdf.js
 * behave as the unpatched one, for tests that compare both. Returns whether the patch is in at all.
 */
export async function setPdfJsPatched(on: boolean): Promise<boolean> {
  await loadPdfJs();
  if (!workerModule?.nianbaoSetPatched) return false;
  workerModule.nianbaoSetPatched(on);
  return true;
}

/** Fonts built text-only so far in this process (0 when the patch is not in). */
export async function textOnlyFontCount(): Promise<number> {
  await loadPdfJs();
  return workerModule?.nianbaoTextOnlyFontCount?.() ?? 0;
}

/** How often getTextContent's operator loop has stopped to send text so far in this process (0 when the patch is not in). */
export async function textLoopStopCount(): Promise<number> {
  await loadPdfJs();
  return workerModule?.nianbaoTextLoopStopCount?.() ?? 0;
}

/**
 * pdf.js's legacy build carries core-js, which replaces Array.prototype.push for the whole process
 * with a JavaScript version on V8 ≤ 12.1 (Node 20), for an edge case no caller here meets (a length
 * past 2³² − 1, a frozen length). Every push afterwards, in pdf.js and in all our code, ran several
 * times slower: the hottest function of a PDF run. The native one is put back once pdf.js is loaded;
 * the polyfills that add what Node 20 lacks (Set methods, Promise.withResolvers, …) stay.
 */
async function withNativePush<T>(load: () => Promise<T>): Promise<T> {
  const push = Object.getOwnPropertyDescriptor(Array.prototype, 'push')!;
  try {
    return await load();
  } finally {
    Object.defineProperty(Array.prototype, 'push', push);
  }
}

export async function openPdf(bytes: Uint8Array): Promise<PdfDocument> {
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument({
    // pdf.js detaches the buffer it is given; copy so the caller's Buffer stays usable.
    data: new Uint8Array(bytes),
    cMapUrl: CMAP_DIR,
    cMapPacked: true,
    standardFontDataUrl: STANDARD_FONT_DIR,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    stopAtErrors: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  try {
    return await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    throw toUnreadable(error);
  }
}

/** pdf.js errors become the project's stable codes. */
export function toUnreadable(error: unknown): UnreadableDocumentError {
  if (error instanceof UnreadableDocumentError) return error;
  const name = (error as { name?: string } | null)?.name ?? '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'PasswordException') {
    return new UnreadableDocumentError('encrypted-pdf', `PDF is password-protected: ${message}`);
  }
  return new UnreadableDocumentError('corrupt-pdf', `PDF could not be parsed (${name || 'error'}): ${message}`);
}
