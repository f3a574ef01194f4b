/**
 * Why a cell's reading is not certain: the codes of `cell_details[key].doubt` (null when certain).
 * A null value with a doubt was not read (the checks skip it); a number with a doubt may be wrong
 * (findings on it are on basis `doubtful`). One line each in the README.
 */
export const DOUBTS = {
  'not-found': 'the row or table holding the cell was not found in the document',
  'unreadable': 'the cell prints text that is not a number (不适用, 见附件, a garbled OCR reading)',
  'ocr-low-confidence': 'read by OCR below the confidence floor (90)',
  'ocr-blank': 'OCR found no text in the cell: printed blank, or a value the scan lost',
  'ocr-identity-conflict': 'read by OCR in an identity that does not hold: the scan, not the report, may be wrong',
  'ocr-unverified': 'read by OCR in a cell no identity checks, below tesseract confidence 95, or in a document where the identities found other OCR misreadings',
  'row-by-order': "the row's OCR-read label matched no template row; placed by the template's row order and count of rows, until an identity confirms it",
  'extra-values': 'the row prints more values than the template has columns, and the identities do not decide which is the stray',
  'missing-values': 'the row prints fewer values than the template has columns (or nothing for this column), and the identities do not decide where',
  'identity-resolved': 'the row (or an OCR reading) could be read several ways; the template identities chose this one',
  'ambiguous': 'several readings of the row satisfy the identities; left blank (the readings are in messages)',
  'glued-split': 'the digits were printed glued together; split by the template identities',
  'glued-ambiguous': 'glued digits with several splits that satisfy the identities; left blank',
  'glued-impossible': 'glued digits with no split that satisfies the identities; left blank',
  'glued-one-cut': 'glued digits with no split that satisfies the identities, read where every cut of the digits gives the cell the same value (a row that cuts one way: all of it); the failed identity is reported',
  'wrapped-value': 'a number too wide for its cell, printed over two lines (the lines above and below its row) and joined; confirmed only by an identity',
  'split-by-page': "a number of a table row a page break split, whose rest (digits of a number too wide for its cell) printed on the next page's first line; which numbers those digits continue is not known, until an identity confirms it",
  'unit-missing': 'a number printed without the count unit (件) the other values of its row print: the rest of a number too wide for its cell may stand on another line; confirmed only by an identity',
  'placed-by-position': 'a row of layout text, or of a PDF table printed without rulings, printed fewer values than its header has columns; each was placed under the header column it stands beneath (a cell it printed nothing in is empty), until the identities confirm it',
  'placed-by-order': "a row of layout text printed fewer values than its header has columns, and its header could not place them with certainty: placed by the order of its values against the row of the most values nearest the header's columns; never confirmed, since the identities cannot tell where columns printed empty lie",
  'wrapped-label': 'the value stood on a line of a label wrapped over several lines, or the label was put together from lines of two rows',
  'formula-without-value': 'a spreadsheet formula with no cached value',
  'spaced-values': 'the cell prints numbers separated by spaces on one line (1 0 1 0 2): one number printed spaced, or several values run into one cell; joined, and confirmed only by an identity',
  'heading-in-part': "the column's heading OCR read only in part (社会公… for 社会公益组织) in a table printing fewer columns than the template's; read under the column whose label it shares most, never confirmed, since no identity tells such columns apart (the columns of 法人或其他组织 in table 三; table 四 without its 总计 columns has none)",
  'lone-empty-cell': 'the only empty cell of a row of printed values, at its end (where a grid pads a row that lost a value) or in a row that breaks its own total: a printed blank, or a lost value',
} as const;

export type Doubt = keyof typeof DOUBTS;

/**
 * Doubts of a blank the document does show: the checks count it as the blank it looks like (0), so an
 * identity it is in is checked, and a failure is on basis doubtful rather than not checked at all. A
 * printed blank the identities chose among a row's readings (identity-resolved) is one too: the cells
 * left blank because no reading was chosen carry other doubts (ambiguous, extra-values, …). So is a blank
 * OCR was sure of (no ink in the cell, or a dash both reads saw) in an identity that fails
 * (ocr-identity-conflict): only certain blanks are marked so; and an empty cell of a layout row placed by
 * position (placed-by-position). So is a blank marker (无, -, /) of a glued row cut one way (glued-split),
 * or cut one way by its digits alone (glued-one-cut): a blank cell the glued reader could not place is
 * glued-ambiguous or glued-impossible instead.
 */
export const SHOWN_BLANK_DOUBTS: ReadonlySet<string> = new Set<Doubt>(['lone-empty-cell', 'identity-resolved', 'ocr-identity-conflict', 'placed-by-position', 'placed-by-order', 'glued-split', 'glued-one-cut']);

/**
 * OCR readings below this confidence (0..100) are doubtful. The scanned-PDF path reads each number
 * cell three ways (digits only, free, page pass) and gives a cell ≥ 90 when two reads agree and ≤ 50
 * when only one read found a number: 90 separates corroborated readings from lone ones. Words read
 * only by the page pass keep tesseract's own confidence, which is below 90 for most doubtful glyphs.
 */
export const OCR_CONFIDENCE_FLOOR = 90;
