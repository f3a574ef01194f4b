/**
 * Every `messages[].code` a record may carry: what was noticed while reading or checking a document
 * that did not stop it. One list, on the lowest floor so readers and src/ share it; each code with the
 * one-line meaning the README lists (tests/extractors/message-codes.test.ts keeps the two equal).
 */
export const MESSAGE_CODES = {
  'appeals-in-small-tables': 'table 四 was printed as small tables of its groups; read in their printed order',
  'check-skipped': 'a rule was not applied where a cell it needs was not read (the message names the rule and the cells)',
  'columns-ambiguous': 'the header names another column order and the identities do not tell which is right; the cells that differ are blank',
  'columns-by-header': 'the header prints the columns in another order than the template; values read by their header labels',
  'converted-by-libreoffice': 'a legacy Word, WPS or Excel file was converted by LibreOffice before reading',
  'docx-conversion-error': 'the DOCX converter reported errors (listed in the message); what it could read was read',
  'docx-table-geometry-unavailable': 'the DOCX tables could not be matched to document.xml: merged-cell geometry not used',
  'empty-end-cell': 'read as printed, a row breaks its own total; an empty cell at its end was dropped by the identities',
  'encoding-guessed': 'no reliable charset (none declared, or the declared one contradicts the bytes): the encoding was guessed',
  'extra-values': 'a row prints more values than the template has columns; the identities chose (or could not choose) the reading',
  'formula-without-value': 'a spreadsheet formula was saved without its computed value',
  'glued-ambiguous': 'a glued row has several readings that satisfy the identities; its values are blank',
  'glued-identities-fail': 'a glued table cannot be split so that every identity holds',
  'glued-identities-skipped': 'a glued table\'s column identities could not be applied',
  'glued-impossible': 'a glued row has no reading that satisfies the identities; its values are blank',
  'glued-row-ambiguous': 'a glued row has several readings; left blank',
  'glued-row-impossible': 'a glued row cannot be split into valid numbers',
  'glued-table': 'a table\'s cells were glued together in the text; rows recovered by the template\'s identities',
  'glued-table-not-found': 'a glued table\'s row labels were not found in order, each followed by digits',
  'glued-text-truncated': 'only the start of a very long text was searched for glued tables',
  'glued-too-ambiguous': 'a glued row or table has too many readings to check within the search budget',
  'header-order-ignored': 'the header names another column order, but the values reconcile in the template\'s order: read as printed',
  'hidden-cells-skipped': 'hidden spreadsheet rows or columns were not read',
  'hidden-sheet-skipped': 'a hidden spreadsheet sheet was not read',
  'identity-resolved': 'a cell read several ways was settled by the template identities',
  'lone-empty-cell': 'the only empty cell of a row of printed values may be a printed blank or where the row lost a value; in doubt',
  'merged-label': 'a row label holds the items of two template rows (a wrapped label pulled in the next item); its values are in doubt (wrapped-label)',
  'missing-values': 'a row prints fewer values than the template has columns; the identities chose (or could not choose) where',
  'no-text-layer': 'a PDF page has no text layer (a scan)',
  'ocr-failed': 'OCR of a page failed; its text is missing',
  'ocr-flat-glyph': "numbers read by OCR from glyphs under half the height of the document's other digits (a dash or a rule read as a digit?): in doubt",
  'ocr-identity-conflict': 'cells read by OCR take part in identities that do not hold; in doubt unless another identity confirms them',
  'ocr-unverified': 'cells read by OCR that no identity checks, put in doubt: read below confidence 95, or the identities found OCR misreadings elsewhere in the document',
  'ocr-used': 'a page (or a picture in a document) was read by OCR',
  'pdf-picture-ocr': "a picture of a table on a PDF page with a text layer was read by OCR, its table put in the picture's place",
  'picture-skipped': 'a picture in the document was not read (the message says why: an icon, no table rulings, a vector or undecodable picture, too large, or OCR not installed)',
  'row-by-order': "a row whose OCR-read label matched no template row was placed by the template's row order; its cells are in doubt (row-by-order)",
  'row-not-found': 'a template row was not found in its table; its cells are blank (doubt not-found)',
  'structure-agency-uncertain': 'a scan\'s title and signature, read by OCR, name different agencies, or a name read by OCR does not end as a body\'s name does (办公打 for 办公厅); the agency is left blank (or taken from the other)',
  'structure-no-agency': 'no agency found in the title or the signature',
  'structure-no-year': 'no year covered found in the title or the statistics period',
  'structure-year-from-published': 'the year covered was taken as the year before publication',
  'structure-year-mismatch': 'the title and the statistics period name different years',
  'table-cells-glued': 'table cells are run together without separators; numbers recovered from the template',
  'table-split-joined': 'a table continued over a page break was joined',
  'table-without-rulings': 'a PDF table printed without rulings was read from text positions',
  'text-layer-poor': 'a PDF page\'s text layer is too poor to trust (it was read by OCR when available)',
  'unreadable-value': 'a cell prints text that is not a number',
} as const;

export type MessageCode = keyof typeof MESSAGE_CODES;

export const MESSAGE_CODE_LIST = Object.keys(MESSAGE_CODES) as [MessageCode, ...MessageCode[]];
