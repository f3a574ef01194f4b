/**
 * XLSX bytes → document model. The package is checked and trimmed first (package.ts), exceljs reads
 * the cells, merged ranges and cached formula values, and each visible sheet becomes its title lines,
 * a heading with the sheet's own name (when it has one) and its tables (layout.ts).
 */
import ExcelJS from 'exceljs';
import { UnreadableDocumentError, type Block, type DocumentModel, type Message } from '../model.js';
import { coreProperties } from '../docx/core.js';
import { DEFAULT_LIMITS, type Limits } from '../limits.js';
import { readWorkbookPackage } from './package.js';
import { sheetGrid, type GridCell } from './grid.js';
import { sheetBlocks, type LayoutState } from './layout.js';

/** Names spreadsheet programs give new sheets: they say nothing about the content. */
const DEFAULT_SHEET_NAME = /^(?:sheet|工作表|表)\s*\d*$/i;

async function loadWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (err) {
    throw new UnreadableDocumentError('corrupt-xlsx', `the workbook could not be read: ${(err as Error).message.split('\n')[0]}`);
  }
  return workbook;
}

function cellMessages(sheet: string, rows: GridCell[][]): Message[] {
  const messages: Message[] = [];
  for (const row of rows) {
    for (const cell of row) {
      if (cell.doubt === 'formula-without-value') {
        messages.push({ code: 'formula-without-value', message: `${sheet}!${cell.address}: the formula ${cell.formula} was saved without its computed value; the cell is read as empty` });
      }
    }
  }
  return messages;
}

export async function xlsxToDocument(bytes: Buffer, limits: Limits = DEFAULT_LIMITS): Promise<DocumentModel> {
  const pkg = await readWorkbookPackage(bytes, limits);
  const workbook = await loadWorkbook(pkg.bytes);
  const blocks: Block[] = [];
  const messages: Message[] = [];
  const state: LayoutState = { titled: false };
  // maxTableCells over all sheets together, checked on each sheet's grid before it is built.
  let cellBudget = limits.maxTableCells;
  for (const sheet of workbook.worksheets) {
    if (sheet.state !== 'visible') {
      messages.push({ code: 'hidden-sheet-skipped', message: `sheet ${sheet.name} is hidden and was not read` });
      continue;
    }
    const { rows: grid, hidden, cells } = sheetGrid(sheet, cellBudget);
    cellBudget -= cells;
    if (hidden.length) messages.push({ code: 'hidden-cells-skipped', message: `sheet ${sheet.name}: hidden rows and columns ${hidden.join(', ')} were not read` });
    if (!grid.length) continue;
    const sheetContent = sheetBlocks(grid, state);
    const name = sheet.name.trim();
    if (name && !DEFAULT_SHEET_NAME.test(name)) {
      // After the sheet's own title lines, so a report title in the first rows stays the document's first line.
      const titleLines = sheetContent.findIndex((b) => b.kind === 'table');
      sheetContent.splice(titleLines < 0 ? sheetContent.length : titleLines, 0, { kind: 'heading', text: name, level: 2 });
    }
    blocks.push(...sheetContent);
    messages.push(...cellMessages(sheet.name, grid));
  }
  const doc: DocumentModel = { format: 'xlsx', blocks, meta: {}, messages };
  const core = pkg.coreXml ? coreProperties(pkg.coreXml) : {};
  if (core.title) doc.meta.title = core.title;
  if (core.created) doc.meta.published = core.created;
  return doc;
}
