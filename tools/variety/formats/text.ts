/** Formats rendered here from the report model: crawler text, converters' Markdown, portal and Word-saved HTML. */
import { renderHtml } from '../render/html.js';
import { renderMarkdown } from '../render/markdown.js';
import { renderText } from '../render/text.js';
import type { FormatSpec } from './spec.js';

export const txt: FormatSpec = { extension: 'txt', cost: 'fast', needs: [], making: { by: 'text', render: (draft) => renderText(draft.model, draft.separator) } };
export const md: FormatSpec = { extension: 'md', cost: 'fast', needs: [], making: { by: 'text', render: (draft) => renderMarkdown(draft.model) } };
export const html: FormatSpec = { extension: 'html', cost: 'fast', needs: [], making: { by: 'text', render: (draft) => renderHtml(draft.model, 'portal') } };
export const htmlWord: FormatSpec = { extension: 'html', cost: 'fast', needs: [], making: { by: 'text', render: (draft) => renderHtml(draft.model, 'word') } };
