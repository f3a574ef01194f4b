import { execFile } from 'node:child_process';
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
export function runTool(command: string, args: string[], timeoutMs: number, maxBuffer = 64 << 20): Promise<ToolRun> {
  return new Promise((resolve, reject) => {
    // One thread per tesseract: pages are OCRed side by side, and OpenMP threads on a busy machine only contend.
    const env = { ...process.env, OMP_THREAD_LIMIT: '1' };
    execFile(command, args, { timeout: timeoutMs, maxBuffer, encoding: 'buffer', killSignal: 'SIGKILL', env }, (error, stdout, stderr) => {
      if (!error) {
        resolve({ stdout, stderr: stderr.toString('utf8') });
        return;
      }
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') {
        reject(new UnreadableDocumentError('ocr-unavailable', `OCR needs \`${command}\` (poppler-utils / tesseract-ocr) but it is not installed`));
        return;
      }
      const why = (error as { killed?: boolean }).killed ? `timed out after ${timeoutMs} ms` : stderr.toString('utf8').trim().slice(0, 300) || error.message;
      reject(new UnreadableDocumentError('ocr-failed', `${command} failed: ${why}`));
    });
  });
}
