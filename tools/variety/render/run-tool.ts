/** Runs a program the generator renders with (pdftoppm, qpdf, ghostscript, tesseract…): its output, or a rejection with its stderr. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

export const runTool = promisify(execFile);
