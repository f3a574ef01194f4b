/**
 * Low-resolution pictures turned a little, as a skewed scanner feed or a hand-held photo leaves them:
 * pages of corpus reports rendered at 150 dpi, turned by about a degree and a quarter and speckled,
 * saved as a multi-page TIFF or a photo-like JPEG. Straightened at 300 dpi, the thin borders of such a
 * page fade in places below the ink threshold; the tables must still come out whole (a faded border
 * once merged a table's label column into one cell, and the whole requests table was lost), every
 * cell exact or blank or doubtful, never a confident wrong number.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ocrAvailable } from '../../../extractors/pdf/ocr.js';
import { photoJpeg, turnedTiff } from '../../helpers/pictures.js';
import { scoreScan } from '../pdf/scan-score.js';
import { expectOcrCells, expectScore, extractedPicture } from './picture-score.js';

const CORPUS = path.resolve(process.cwd(), '../shared/corpus');
const available = await ocrAvailable();

function truthOf(name: string, prefixes: string[]): Record<string, number | null> {
  const cells: Record<string, number | null> = JSON.parse(readFileSync(path.join(CORPUS, `real/${name}.truth.json`), 'utf8')).cells;
  return Object.fromEntries(Object.entries(cells).filter(([key]) => prefixes.some((p) => key.startsWith(p))));
}

const picture = extractedPicture;

describe.skipIf(!available)('a two-page TIFF at 150 dpi turned 1.25° (the requests and appeals pages)', () => {
  const record = picture('hongze.tif', () => turnedTiff(path.join(CORPUS, 'real/hongze-2023.pdf'), [3, 4], 150, 1.25));

  it('gets at least 98% of the requests and appeals cells right, none silently wrong', () => {
    expectScore(record(), truthOf('hongze-2023', ['requests.', 'appeals.']), 'TIFF 150 dpi 1.25°');
    expectOcrCells(record());
  });
});

describe.skipIf(!available)('a photo-like JPEG at 150 dpi turned 1.25° of the page the requests table runs off', () => {
  const record = picture('photo.jpg', () => photoJpeg(path.join(CORPUS, 'real/hongze-2023.pdf'), 3, 150, 1.25, 60));

  it('reads the rows the page shows and never a row under another row’s label: every cell exact, blank or doubtful', () => {
    // The table's last rows are cut by the page's end, and the label column's border below the last
    // full row has faded: the rows there must not be read one off (本机关不掌握's 10 as 没有现成信息's).
    const truth = truthOf('hongze-2023', ['requests.']);
    const score = scoreScan(truth, record());
    expect(score.silentlyWrong).toEqual([]);
    for (const key of score.wrong) expect(record().cells[key] === null || record().cell_details[key]?.doubt, key).toBeTruthy();
    expect(record().cells['requests.unavailable_not_held.natural_person']).toBe(10);
    expect(score.right).toBeGreaterThanOrEqual(90);
  });
});
