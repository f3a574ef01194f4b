/**
 * pdf.js (pdfjs-dist, Mozilla) for pages opened from file://: report pages draw a PDF's page in the
 * browser instead of the build rendering page images. pdfjs-dist ships ES modules only, and Chromium
 * refuses module scripts (and workers) from file:// — so the site carries classic-script copies: each
 * bundle wrapped in a function (its top-level names stay private), `import.meta.url` replaced by the
 * page's address, and its `export {…}` turned into a global. The worker's bundle sets
 * `globalThis.pdfjsWorker` itself; with that defined, pdf.js runs its worker on the page's thread.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** File names of the two scripts in the site's assets/ folder, and the global the library lands in. */
export const PDFJS_SCRIPT = 'pdf.js';
export const PDFJS_WORKER_SCRIPT = 'pdf.worker.js';
export const PDFJS_GLOBAL = 'pdfjsLib';

/** `export{a as B,C};` at the end of a bundle → `globalThis.NAME={B:a,C:C};`. */
export function classicScript(module: string, globalName?: string): string {
  const at = module.lastIndexOf('export{');
  if (at < 0) throw new Error('pdf.js bundle without a final export clause');
  const end = module.indexOf('}', at);
  const names = module
    .slice(at + 'export{'.length, end)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const [local, exported] = s.split(/\s+as\s+/);
      return `${JSON.stringify(exported ?? local)}:${local}`;
    });
  const tail = globalName ? `globalThis.${globalName}={${names.join(',')}};` : '';
  const body = module.slice(0, at) + tail + module.slice(end + 1).replace(/^;/, '');
  return `(function(){"use strict";\n${body.replace(/import\.meta\.url/g, 'location.href')}\n})();\n`;
}

/** Writes the classic-script copies of pdf.js and its worker into `assetsDir`. */
export async function writePdfjs(assetsDir: string): Promise<void> {
  const require = createRequire(import.meta.url);
  const build = join(require.resolve('pdfjs-dist/package.json'), '..', 'build');
  const [lib, worker] = await Promise.all([readFile(join(build, 'pdf.min.mjs'), 'utf8'), readFile(join(build, 'pdf.worker.min.mjs'), 'utf8')]);
  await Promise.all([
    writeFile(join(assetsDir, PDFJS_SCRIPT), classicScript(lib, PDFJS_GLOBAL)),
    writeFile(join(assetsDir, PDFJS_WORKER_SCRIPT), classicScript(worker)),
  ]);
}
