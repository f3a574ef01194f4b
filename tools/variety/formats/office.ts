/** The portal page as LibreOffice saves it: Word, PDF, spreadsheets and their legacy forms, CSV. */
import type { FormatSpec, OfficeTarget } from './spec.js';
import { LIBREOFFICE } from './tools.js';

const saved = (target: OfficeTarget): FormatSpec => ({ extension: target, cost: 'slow', needs: [LIBREOFFICE], making: { by: 'office', target } });

export const docx = saved('docx');
export const pdf = saved('pdf');
export const xlsx = saved('xlsx');
export const doc = saved('doc');
export const xls = saved('xls');
export const csv = saved('csv');
