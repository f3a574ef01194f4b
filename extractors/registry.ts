/**
 * Readers by format. A new format is one new file plus one line here. Order matters: the first reader
 * whose sniff accepts the bytes reads them, so more specific signatures come first. Reader modules
 * are light (a sniff and a lazy import of the implementation): detecting formats loads no parser.
 */
import type { Reader } from './reader.js';
import { pdfReader } from './pdf.js';
import { docxReader } from './docx.js';
import { ofdReader } from './ofd.js';
import { xlsxReader } from './xlsx.js';
import { xlsReader } from './xls.js';
import { oleReader } from './ole.js';
import { htmlReader } from './html.js';
import { txtReader } from './txt.js';
import { imageReader } from './image.js';

export const READERS: Reader[] = [pdfReader, ofdReader, docxReader, xlsxReader, xlsReader, oleReader, imageReader, htmlReader, txtReader];
