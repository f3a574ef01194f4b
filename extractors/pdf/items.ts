/**
 * A run of text placed on a PDF page, from the text layer or from OCR: the unit the PDF table
 * rebuilder works on. Coordinates are PDF user space (points, origin bottom-left, as pdf.js gives
 * them): x is the left edge, y the baseline, width the advance, height the font size.
 */
export interface PositionedText {
  text: string;
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
  origin: 'text' | 'ocr';
  /** OCR confidence 0..100 (OCR items only). */
  confidence?: number;
}

/**
 * A drawn ruling line (table border) in PDF user space: from the operator list for born-digital pages,
 * or detected in the rendered bitmap for scanned pages. Horizontal when y0 === y1, vertical when x0 === x1.
 */
export interface RulingLine {
  page: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Everything the table rebuilder needs from one page, whatever produced it. */
export interface PageContent {
  page: number;
  /** Page size in PDF user space (points). */
  width: number;
  height: number;
  items: PositionedText[];
  lines: RulingLine[];
  /**
   * Ruled cells whose picture shows no ink or only a dash (x0, y0, x1, y1 in points), from an OCR
   * reading: printed blank for certain, where a cell OCR read no text in may also be a value the scan lost.
   */
  blankCells?: Array<[number, number, number, number]>;
  /**
   * Quarter turns clockwise OCR turned the page by to read it upright (a page scanned sideways): its
   * width, height and positions are those of the upright page.
   */
  turned?: 1 | 2 | 3;
  /** OCR read the page from a black-and-white copy: the grey page's grain took tesseract over its CPU budget. */
  thresholded?: true;
}
