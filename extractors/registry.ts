/**
 * Readers by format. A new format is one new file plus one line here. Order matters: the first reader
 * whose sniff accepts the bytes reads them, so more specific signatures come first.
 */
import type { Reader } from './reader.js';
import { pdfReader } from './pdf/index.js';
import { docxReader } from './docx.js';
import { oleReader } from './ole.js';
import { htmlReader } from './html.js';
import { txtReader } from './txt.js';

export const READERS: Reader[] = [pdfReader, docxReader, oleReader, htmlReader, txtReader];
