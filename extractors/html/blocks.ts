/**
 * The report body → blocks in reading order: headings (h1–h6), one paragraph per text line (<p>, <div>,
 * <br> and the other block elements end a line), and tables as dense grids. Word-pasted markup is
 * flattened by the same walk: its spans are inline, its <o:p> islands hold only spaces.
 */
import type { Block, TableBlock } from '../model.js';
import { BLOCK_ELEMENTS, hasChildren, isElement, isText, type DomElement, type DomNode } from './dom.js';
import { isLayoutTable, tablesWithNestedTables } from './layout.js';
import { buildTable, contentOf } from './table.js';
import { joinLines, normaliseLine } from './text.js';
import { isMetadataTable } from './meta.js';
import { divGridTable } from './div-grid.js';
import { PREFORMATTED_CLASS } from './flattened.js';

const HEADINGS: Record<string, number> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };

export interface BlockWalk {
  /** Elements that are not report text (noise, chrome): skipped with everything under them. */
  skip: (el: DomElement) => boolean;
  /** Text length per element (see textLengths), for layout-table decisions. */
  lengths: Map<DomNode, number>;
  /**
   * Called for each <img> outside data tables, in reading order: the marker text to stand in its place
   * (a line of its own), or undefined to pass it by. Absent: images are passed by.
   */
  picture?: (el: DomElement) => string | undefined;
}

export interface CollectedBlocks {
  blocks: Block[];
  /** Each paragraph's text as the markup holds it, before whitespace is squeezed (flattened.ts reads it again). */
  rawText: Map<Block, string>;
  /** Portal metadata tables (索引号/发布机构/…) found inside the body: not report content. */
  metadataTables: TableBlock[];
  /** <pre> blocks made of a document's paragraphs (PREFORMATTED_CLASS): one paragraph a line unless they hold a table. */
  paragraphLines: Set<Block>;
}

export function collectBlocks(body: DomNode, walk: BlockWalk): CollectedBlocks {
  const blocks: Block[] = [];
  const metadataTables: TableBlock[] = [];
  const rawText = new Map<Block, string>();
  const paragraphLines = new Set<Block>();
  const nesting = tablesWithNestedTables(body);
  let line = '';
  const endLine = () => {
    const text = normaliseLine(line);
    if (text) {
      const block: Block = { kind: 'paragraph', text };
      blocks.push(block);
      rawText.set(block, line);
    }
    line = '';
  };
  // `null` marks the end of a block-level element.
  const stack: Array<DomNode | null> = hasChildren(body) ? [...body.children].reverse() : [];
  while (stack.length) {
    const node = stack.pop();
    if (node === null) {
      endLine();
      continue;
    }
    if (node === undefined) break;
    if (isText(node)) {
      line += node.data;
      continue;
    }
    if (!isElement(node) || walk.skip(node)) continue;
    if (node.name === 'br') {
      endLine();
      continue;
    }
    if (node.name === 'img') {
      const marker = walk.picture?.(node);
      if (marker) {
        endLine();
        line = marker;
        endLine();
      }
      continue;
    }
    const level = HEADINGS[node.name];
    if (level !== undefined) {
      endLine();
      const content = contentOf(node, walk.skip);
      const text = joinLines(content.lines);
      if (text) blocks.push({ kind: 'heading', text, level });
      for (let i = content.nestedTables.length - 1; i >= 0; i--) stack.push(content.nestedTables[i]);
      continue;
    }
    if (node.name === 'table' && !isLayoutTable(node, walk.lengths, nesting)) {
      endLine();
      const built = buildTable(node, walk.skip);
      if (built.caption) blocks.push({ kind: 'paragraph', text: built.caption });
      if (built.block) (isMetadataTable(built.block) ? metadataTables : blocks).push(built.block);
      // Tables nested in cells come right after their outer table, each as its own block.
      for (let i = built.nestedTables.length - 1; i >= 0; i--) stack.push(built.nestedTables[i]);
      continue;
    }
    if (node.name === 'pre') {
      // One paragraph, its raw text keeping the block's line breaks (flattened.ts may read it as a text file).
      endLine();
      line = contentOf(node, walk.skip).lines.join('\n');
      const before = blocks.length;
      endLine();
      if (blocks.length > before && (node.attribs.class ?? '').split(/\s+/).includes(PREFORMATTED_CLASS)) paragraphLines.add(blocks[before]);
      continue;
    }
    if (BLOCK_ELEMENTS.has(node.name)) {
      endLine();
      const grid = divGridTable(node, walk.skip);
      if (grid) {
        (isMetadataTable(grid) ? metadataTables : blocks).push(grid);
        continue;
      }
      stack.push(null);
    }
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
  endLine();
  return { blocks, metadataTables, rawText, paragraphLines };
}
