/**
 * HTML renderings: a portal page (CMS article with a bordered table) and Word-pasted HTML (MsoNormal
 * paragraphs inside cells). The portal page is also what LibreOffice turns into DOCX and PDF, so it
 * carries page breaks and vertical alignment.
 */
import type { Block, FlattenedTables, PageLook, ReportModel, TablePiece, TableStructure } from '../model.js';
import { tableTextLines } from './text.js';
import { spannedRows, toGrid, type GridCell } from './grid.js';
import { divTableCss, nestedArticle, structuredTableHtml } from './structure.js';
import { escapeMarkup } from './escape.js';
import { spellEntities, spellLineEnds } from './spelling.js';
import { hidingCss, spellHidden } from './hidden-html.js';
import { spellSuperscripts, withoutHidden } from './marks.js';

export type HtmlStyle = 'portal' | 'word';


function cellHtml(cell: GridCell, style: HtmlStyle, extra = ''): string {
  const attrs = [cell.colspan > 1 ? ` colspan="${cell.colspan}"` : '', cell.rowspan > 1 ? ` rowspan="${cell.rowspan}"` : '', cell.valign ? ` valign="${cell.valign}"` : '', extra].join('');
  const lines = cell.text.split('\n');
  const inner =
    style === 'word'
      ? lines.map((l) => `<p class=MsoNormal align=center style='text-align:center'><span style='font-family:宋体'>${escapeMarkup(l) || '&nbsp;'}<o:p></o:p></span></p>`).join('')
      : lines.map(escapeMarkup).join('<br>');
  return `<td${attrs}>${inner}</td>`;
}

function tableHtml(piece: TablePiece, style: HtmlStyle, look?: PageLook, structure?: TableStructure): string {
  if (structure) return structuredTableHtml(piece, structure, style === 'word', (text) => paragraph(text, style));
  if (look && style === 'portal') return lookTableHtml(piece, look);
  const rows = toGrid(piece).map((row) => `<tr>${row.map((c) => cellHtml(c, style)).join('')}</tr>`);
  const open = style === 'word' ? `<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse'>` : `<table border="1" cellspacing="0" cellpadding="4" style="border-collapse:collapse;width:100%">`;
  const caption = piece.caption ? paragraph(piece.caption, style) : '';
  return `${caption}${open}\n<tbody>\n${rows.join('\n')}\n</tbody></table>`;
}

function paragraph(text: string, style: HtmlStyle, bold = false): string {
  const t = bold ? `<b>${escapeMarkup(text)}</b>` : escapeMarkup(text);
  return style === 'word' ? `<p class=MsoNormal><span style='font-family:宋体'>${t}<o:p></o:p></span></p>` : `<p style="text-indent:2em">${t}</p>`;
}

/**
 * A table as a word processor's export lays it out (PageLook): rulings only where the look has them
 * (CSS borders per cell, which LibreOffice keeps), header rows in <thead> when they repeat on every
 * page, label columns of a fixed narrow width.
 */
function lookTableHtml(piece: TablePiece, look: PageLook): string {
  const grid = toGrid(piece);
  const heads = piece.header.length;
  const rule = (width: number) => `${width}pt solid #000`;
  const rows = grid.map((row, r) => {
    const cells = row.map((cell) => {
      const styles: string[] = [];
      if (look.rules === 'three-line') {
        if (r === 0) styles.push(`border-top:${rule(1.5)}`);
        const bottom = r + cell.rowspan;
        if (heads && bottom === heads) styles.push(`border-bottom:${rule(0.75)}`);
        if (bottom === grid.length) styles.push(`border-bottom:${rule(1.5)}`);
      } else if (!look.rules) styles.push(`border:${rule(0.5)}`);
      const width = look.labelWidth && cell.role === 'label' && cell.colspan === 1 ? ` width="${look.labelWidth}%"` : '';
      return cellHtml(cell, 'portal', `${width}${styles.length ? ` style="${styles.join(';')}"` : ''}`);
    });
    return `<tr>${cells.join('')}</tr>`;
  });
  const head = look.repeatHeader && heads ? `<thead>\n${rows.slice(0, heads).join('\n')}\n</thead>\n` : '';
  const body = head ? rows.slice(heads) : rows;
  const caption = piece.caption ? paragraph(piece.caption, 'portal') : '';
  const overlay = look.overlay?.table === piece.table ? overlayHtml(look.overlay) : '';
  return `${caption}${overlay}<table border="0" cellspacing="0" cellpadding="4" style="border-collapse:collapse;width:100%">\n${head}<tbody>\n${body.join('\n')}\n</tbody></table>`;
}

/** An absolutely positioned frame (LibreOffice makes it a text frame anchored here): drawn over the table. */
function overlayHtml(overlay: NonNullable<PageLook['overlay']>): string {
  const lines = overlay.lines.map(escapeMarkup).join('<br>');
  return `<div style="position:absolute;left:${overlay.left}px;top:${overlay.top}px;font-size:${overlay.size}pt;color:#d00000;background:transparent">${lines}</div>`;
}

/** LibreOffice's page number and page count fields. */
const pageFields = (text: string): string =>
  escapeMarkup(text)
    .replace('{page}', '<sdfield type=PAGE subtype=RANDOM format=PAGE>1</sdfield>')
    .replace('{pages}', '<sdfield type=DOCSTAT subtype=PAGE format=PAGE>1</sdfield>');

/** The running header and footer, as LibreOffice's HTML import reads them (<div title="header">). */
function pageChrome(look: PageLook | undefined): string {
  if (!look) return '';
  const header = look.pageHeader ? `<div title="header"><p align=center>${pageFields(look.pageHeader)}</p></div>\n` : '';
  const footer = look.pageFooter ? `<div title="footer"><p align=center>${pageFields(look.pageFooter)}</p></div>\n` : '';
  return header + footer;
}

function blockHtml(block: Block, style: HtmlStyle, look?: PageLook, structure?: TableStructure, flattened?: FlattenedTables): string {
  switch (block.kind) {
    case 'title':
      return style === 'word' ? `<p class=MsoTitle align=center><b><span>${escapeMarkup(block.text)}</span></b></p>` : `<h1 style="text-align:center">${escapeMarkup(block.text)}</h1>`;
    case 'heading':
      return paragraph(block.text, style, true);
    case 'paragraph':
      return paragraph(block.text, style);
    case 'table':
      return flattened ? flattenedTableHtml(block.piece, flattened) : tableHtml(block.piece, style, look, structure);
    case 'break':
      return `<p style="page-break-before:always"></p>`;
    case 'dash-table':
      return `<table border="1">${Array.from({ length: block.rows }, () => `<tr>${'<td>-</td>'.repeat(block.columns)}</tr>`).join('')}</table>`;
    case 'other-table':
      return `<table border="1">${spannedRows(block.rows, block.spans).map((row) => `<tr>${row.map((c) => `<td${c.colspan > 1 ? ` colspan="${c.colspan}"` : ''}${c.rowspan > 1 ? ` rowspan="${c.rowspan}"` : ''}>${escapeMarkup(c.text)}</td>`).join('')}</tr>`).join('')}</table>`;
  }
}

/**
 * A table printed as text (model.flattened): its caption and lines as paragraphs, as <br>-broken lines of
 * one paragraph, or as a <pre> block. Outside <pre> a tab is what an editor makes of it, a run of &nbsp;.
 */
function flattenedTableHtml(piece: TablePiece, flattened: FlattenedTables): string {
  const lines = [...(piece.caption ? [piece.caption] : []), ...tableTextLines(piece, flattened.separator).flatMap((l) => l.split('\n'))];
  if (flattened.markup === 'pre') return `<pre>${lines.map(escapeMarkup).join('\n')}</pre>`;
  const asText = (line: string) => escapeMarkup(line).replace(/\t/g, '&nbsp;&nbsp;&nbsp;&nbsp;');
  const printed = lines.filter((l) => l.trim() !== '').map(asText);
  return flattened.markup === 'p' ? printed.map((l) => `<p>${l}</p>`).join('\n') : `<p>${printed.join('<br>\n')}</p>`;
}

/** The CSS that draws the overprinted text again (text-shadow is inherited: a table's rule reaches every cell's text). */
function overprintCss(overprint: ReportModel['overprint']): string {
  if (!overprint) return '';
  const selectors = { headings: 'h1,b', tables: 'table', all: 'h1,b,table' }[overprint.targets];
  return ` ${selectors}{text-shadow:${overprint.shadows.join(',')}}`;
}

/** The CSS that spreads a cell's characters across its width (分散对齐); '' when the model has none, so other renders stay byte-identical. */
function distributedCss(distributed: ReportModel['distributed']): string {
  if (!distributed) return '';
  const selectors = { labels: 'td:first-child', numbers: 'td+td', all: 'td' }[distributed.targets];
  return ` ${selectors}{text-align:justify;text-align-last:justify;text-justify:inter-character}`;
}

export function renderHtml(model: ReportModel, style: HtmlStyle): string {
  const blocks = model.blocks.map((b) => blockHtml(b, style, model.look, model.structure, model.flattened)).join('\n');
  const nested = model.structure?.nest ? nestedArticle(blocks) : blocks;
  const shown = spellSuperscripts(model.hiding ? spellHidden(nested, model.hiding) : nested);
  const body = model.spelling?.entities ? spellEntities(`>${shown}<`).slice(1, -1) : shown;
  return spellLineEnds(pageHtml(model, style, body), model.spelling);
}

function pageHtml(model: ReportModel, style: HtmlStyle, body: string): string {
  const title = model.blocks.find((b) => b.kind === 'title');
  if (style === 'word') {
    return `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
<head><meta http-equiv=Content-Type content="text/html; charset=utf-8"><meta name=Generator content="Microsoft Word 15"></head>
<body lang=ZH-CN><div class=WordSection1>
${body}
</div></body></html>
`;
  }
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${model.pageTitle !== undefined ? escapeMarkup(model.pageTitle) : title && title.kind === 'title' ? escapeMarkup(withoutHidden(title.text)) : ''}</title>
<style>body{font-family:"Noto Serif CJK SC","Noto Sans CJK SC",serif;font-size:12pt} td{font-size:10.5pt;text-align:center}${divTableCss(model.structure)}${overprintCss(model.overprint)}${distributedCss(model.distributed)}${hidingCss(model.hiding)}</style></head>
<body>${style === 'portal' ? pageChrome(model.look) : ''}<div class="article">
${body}
</div></body></html>
`;
}
