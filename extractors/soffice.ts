/**
 * LibreOffice headless (soffice), the one wrapper every caller uses: the legacy Word/Excel readers,
 * the variety generator's renderers and the tests. Each call gets a profile of its own (a temporary
 * folder, removed after), so a desktop LibreOffice, another worker or another run never locks it out.
 * Failures are the child process's error as is: `code === 'ENOENT'` when soffice is not installed,
 * `killed` when it ran past `timeoutMs`.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export interface SofficeConversion {
  files: readonly string[];
  /** soffice's --convert-to argument: target extension, export filter and its options. */
  convertTo: string;
  outDir: string;
  /** soffice's --infilter (how to read the inputs) when their extension does not say. */
  infilter?: string;
  timeoutMs: number;
}

function run(args: string[], timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile('soffice', args, { timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 16 << 20 }, (err) => (err ? reject(err) : resolve()));
  });
}

/** Converts `files` into `outDir` (same base names, the target's extension). */
export async function sofficeConvert(conversion: SofficeConversion): Promise<void> {
  const profile = await mkdtemp(path.join(tmpdir(), 'nianbao-soffice-'));
  try {
    await run(
      [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        '--headless',
        '--norestore',
        ...(conversion.infilter ? [`--infilter=${conversion.infilter}`] : []),
        '--convert-to',
        conversion.convertTo,
        '--outdir',
        conversion.outDir,
        ...conversion.files,
      ],
      conversion.timeoutMs,
    );
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
}

/** Whether soffice runs here. */
export async function sofficeAvailable(timeoutMs = 60_000): Promise<boolean> {
  try {
    await run(['--version'], timeoutMs);
    return true;
  } catch {
    return false;
  }
}
