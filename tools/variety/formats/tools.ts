/** The programs formats are made with, each with its own availability check. */
import { officeAvailable } from '../render/office.js';
import { chromiumAvailable } from '../render/chrome-pdf.js';
import { ghostscriptAvailable } from '../render/outlines.js';
import { qpdfAvailable } from '../render/stamp.js';
import type { Tool } from './spec.js';

export const LIBREOFFICE: Tool = { name: 'LibreOffice (soffice)', install: 'apt-get install libreoffice-writer libreoffice-calc fonts-noto-cjk', available: officeAvailable };
export const CHROMIUM: Tool = { name: 'Chromium', install: 'apt-get install chromium, or set NIANBAO_CHROMIUM', available: chromiumAvailable };
export const GHOSTSCRIPT: Tool = { name: 'Ghostscript (gs)', install: 'apt-get install ghostscript', available: ghostscriptAvailable };
export const QPDF: Tool = { name: 'qpdf', install: 'apt-get install qpdf', available: qpdfAvailable };
