import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { UnreadableDocumentError } from '../../model.js';

export interface ToolRun {
  stdout: Buffer;
  stderr: string;
}

/**
 * Runs one of the external OCR tools (poppler, tesseract) without a shell. A missing binary becomes
 * 'ocr-unavailable' so callers can flag the page instead of crashing; any other failure, including a
 * timeout, becomes 'ocr-failed'.
 */
export function runTool(command: string, args: string[], timeoutMs: number, maxBuffer = 64 << 20, cpuSeconds?: number): Promise<ToolRun> {
  return new Promise((resolve, reject) => {
    // One thread per tesseract: pages are OCRed side by side, and OpenMP threads on a busy machine only contend.
    const env = { ...process.env, OMP_THREAD_LIMIT: '1' };
    // A CPU budget is the same on a busy host as on an idle one, where a wall-clock limit is not.
    const limited = cpuSeconds !== undefined && PRLIMIT !== undefined;
    // The soft limit sends SIGXCPU, the hard one a second later SIGKILL (a tool may catch the first).
    const soft = Math.max(1, Math.ceil(cpuSeconds ?? 0));
    const [file, argv] = limited ? [PRLIMIT as string, [`--cpu=${soft}:${soft + 1}`, command, ...args]] : [command, args];
    execFile(file, argv, { timeout: timeoutMs, maxBuffer, encoding: 'buffer', killSignal: 'SIGKILL', env }, (error, stdout, stderr) => {
      if (!error) {
        resolve({ stdout, stderr: stderr.toString('utf8') });
        return;
      }
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') {
        reject(new UnreadableDocumentError('ocr-unavailable', `OCR needs \`${command}\` (poppler-utils / tesseract-ocr) but it is not installed`));
        return;
      }
      const signal = (error as { signal?: string }).signal;
      const killedByUs = (error as { killed?: boolean }).killed === true;
      if (limited && (signal === 'SIGXCPU' || (signal === 'SIGKILL' && !killedByUs))) {
        reject(new ToolOverBudget(`${command} failed: used more than its ${cpuSeconds} s of CPU`));
        return;
      }
      const why = killedByUs ? `timed out after ${timeoutMs} ms` : stderr.toString('utf8').trim().slice(0, 300) || error.message;
      reject(new UnreadableDocumentError('ocr-failed', `${command} failed: ${why}`));
    });
  });
}

/** A tool run stopped for spending more CPU than its budget ('ocr-failed' to anyone who does not retry). */
export class ToolOverBudget extends UnreadableDocumentError {
  constructor(message: string) {
    super('ocr-failed', message);
  }
}

/** util-linux's prlimit, which runs a command under a CPU-time limit (every Debian has it); undefined elsewhere. */
const PRLIMIT = ['/usr/bin/prlimit', '/bin/prlimit'].find((candidate) => {
  try {
    accessSync(candidate, constants.X_OK);
    return true;
  } catch {
    return false;
  }
});

/** Can a tool run be given a CPU budget here (prlimit installed)? Without it only the wall-clock limit holds. */
export const cpuBudgetAvailable = PRLIMIT !== undefined;
