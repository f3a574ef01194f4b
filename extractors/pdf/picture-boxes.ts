/**
 * Which painted images of a page may be pictures of tables: pure geometry on the boxes the operator
 * list gives (no rendering), so a page without a table-sized image costs nothing more.
 */
import type { ImageBox } from './rulings.js';

/** Below these sizes (points) a picture is a logo, an icon or a seal, not a table: ignored without a word. */
export const MIN_TABLE_PICTURE = { width: 120, height: 45 };

/**
 * The painted images of a page that are large enough to be a table, clipped to the page, each once
 * (an image painted inside a larger one is part of it). Pure geometry: no rendering.
 */
export function tablePictureBoxes(images: ImageBox[], page: { width: number; height: number }): ImageBox[] {
  const clipped = images
    .map((b) => ({ x0: Math.max(0, b.x0), y0: Math.max(0, b.y0), x1: Math.min(page.width, b.x1), y1: Math.min(page.height, b.y1) }))
    .filter((b) => b.x1 - b.x0 >= MIN_TABLE_PICTURE.width && b.y1 - b.y0 >= MIN_TABLE_PICTURE.height);
  const inside = (a: ImageBox, b: ImageBox) => a.x0 >= b.x0 - 1 && a.x1 <= b.x1 + 1 && a.y0 >= b.y0 - 1 && a.y1 <= b.y1 + 1;
  return clipped
    .filter((box, i) => !clipped.some((other, j) => j !== i && inside(box, other) && (!inside(other, box) || j < i)))
    .sort((a, b) => b.y1 - a.y1 || a.x0 - b.x0);
}

/** How a picture is named in messages: its page, size and place in points. */
export function describeBox(page: number, box: ImageBox): string {
  const r = (v: number) => Math.round(v);
  return `page ${page}: picture of ${r(box.x1 - box.x0)}×${r(box.y1 - box.y0)} pt at (${r(box.x0)}, ${r(box.y0)})`;
}

