/** Reports whose tables are pasted in as screenshots: into a Word document, a saved web page, or a Word document exported to PDF. */
import type { FormatSpec } from './spec.js';
import { LIBREOFFICE } from './tools.js';

export const docxImg: FormatSpec = { extension: 'docx', cost: 'ocr', needs: [LIBREOFFICE], making: { by: 'table-shots', into: 'docx' } };
export const htmlImg: FormatSpec = { extension: 'html', cost: 'ocr', needs: [LIBREOFFICE], making: { by: 'table-shots', into: 'html' } };
export const pdfImg: FormatSpec = { extension: 'pdf', cost: 'ocr', needs: [LIBREOFFICE], making: { by: 'table-shots', into: 'pdf' } };
