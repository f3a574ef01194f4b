/** The LibreOffice PDF's `pdftotext -layout` text, what people copy out of a report to feed a tool. */
import { layoutText } from '../render/pdftotext.js';
import type { FormatSpec } from './spec.js';
import { LIBREOFFICE } from './tools.js';

export const pdftotext: FormatSpec = { extension: 'txt', cost: 'slow', needs: [LIBREOFFICE], making: { by: 'derived', suffix: 'layout.txt', derive: layoutText } };
