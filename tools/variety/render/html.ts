/**
 * HTML renderings: a portal page (CMS article with a bordered table) and Word-pasted HTML (MsoNormal
 * paragraphs inside cells). The portal page is also what LibreOffice turns into DOCX and PDF, so it
 * carries page breaks and vertical alignment.
 */
import type { Block, ReportModel, TablePiece } from '../model.js';
import { toGrid, type GridCell } from './grid.js';

export type HtmlStyle = 'portal' | 'word';

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function cellHtml(cell: GridCell, style: HtmlStyle): string {
  const attrs = [cell.colspan > 1 ? ` colspan="${cell.colspan}"` : '', cell.rowspan > 1 ? ` rowspan="${cell.rowspan}"` : '', cell.valign ? ` valign="${cell.valign}"` : ''].join('');
  const lines = cell.text.split('\n');
  const inner =
    style === 'word'
      ? lines.map((l) => `<p class=MsoNormal align=center style='text-align:center'><span style='font-family:宋体'>${escape(l) || '&nbsp;'}<o:p></o:p></span></p>`).join('')
      : lines.map(escape).join('<br>');
  return `<td${attrs}>${inner}</td>`;
}

function tableHtml(piece: TablePiece, style: HtmlStyle): string {
  const rows = toGrid(piece).map((row) => `<tr>${row.map((c) => cellHtml(c, style)).join('')}</tr>`);
  const open = style === 'word' ? `<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse'>` : `<table border="1" cellspacing="0" cellpadding="4" style="border-collapse:collapse;width:100%">`;
  const caption = piece.caption ? paragraph(piece.caption, style) : '';
  return `${caption}${open}\n<tbody>\n${rows.join('\n')}\n</tbody></table>`;
}

function paragraph(text: string, style: HtmlStyle, bold = false): string {
  const t = bold ? `<b>${escape(text)}</b>` : escape(text);
  return style === 'word' ? `<p class=MsoNormal><span style='font-family:宋体'>${t}<o:p></o:p></span></p>` : `<p style="text-indent:2em">${t}</p>`;
}

function blockHtml(block: Block, style: HtmlStyle): string {
  switch (block.kind) {
    case 'title':
      return style === 'word' ? `<p class=MsoTitle align=center><b><span>${escape(block.text)}</span></b></p>` : `<h1 style="text-align:center">${escape(block.text)}</h1>`;
    case 'heading':
      return paragraph(block.text, style, true);
    case 'paragraph':
      return paragraph(block.text, style);
    case 'table':
      return tableHtml(block.piece, style);
    case 'break':
      return `<p style="page-break-before:always"></p>`;
    case 'dash-table':
      return `<table border="1">${Array.from({ length: block.rows }, () => `<tr>${'<td>-</td>'.repeat(block.columns)}</tr>`).join('')}</table>`;
  }
}

export function renderHtml(model: ReportModel, style: HtmlStyle): string {
  const title = model.blocks.find((b) => b.kind === 'title');
  const body = model.blocks.map((b) => blockHtml(b, style)).join('\n');
  if (style === 'word') {
    return `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
<head><meta http-equiv=Content-Type content="text/html; charset=utf-8"><meta name=Generator content="Microsoft Word 15"></head>
<body lang=ZH-CN><div class=WordSection1>
${body}
</div></body></html>
`;
  }
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${title && title.kind === 'title' ? escape(title.text) : ''}</title>
<style>body{font-family:"Noto Serif CJK SC","Noto Sans CJK SC",serif;font-size:12pt} td{font-size:10.5pt;text-align:center}</style></head>
<body><div class="article">
${body}
</div></body></html>
`;
}
