/**
 * Word list definitions (numbering.xml, and the numbering paragraph styles carry in styles.xml) and
 * the counting rules that turn a paragraph's (numId, level) into the number Word prints.
 */
import { isElement, type DomElement } from '../html/dom.js';
import { formatNumber } from './number-format.js';
import { parseXml } from './tables.js';

interface Level {
  start: number;
  format: string;
  text: string;
  legal: boolean;
}
export interface NumberingDefinitions {
  /** numId → abstractNumId */
  abstractOf: Map<string, string>;
  levels: Map<string, Level[]>;
  /** numId → level → start override */
  startOverrides: Map<string, Map<number, number>>;
}
export interface StyleNumbering {
  numId?: string;
  ilvl?: number;
  basedOn?: string;
}

export const MAX_LEVELS = 9;

export function childNamed(el: DomElement | undefined, name: string): DomElement | undefined {
  return el?.children.find((c): c is DomElement => isElement(c) && c.name === name);
}
function childrenNamed(el: DomElement, name: string): DomElement[] {
  return el.children.filter((c): c is DomElement => isElement(c) && c.name === name);
}
export const val = (el: DomElement | undefined) => el?.attribs['w:val'];
export const intOf = (value: string | undefined, fallback: number) => {
  const n = parseInt(value ?? '', 10);
  return Number.isFinite(n) ? n : fallback;
};

function rootElement(xml: string, name: string): DomElement | undefined {
  const root = parseXml(xml);
  return root.children.find((c): c is DomElement => isElement(c) && c.name === name);
}

export function parseNumbering(xml: string): NumberingDefinitions {
  const defs: NumberingDefinitions = { abstractOf: new Map(), levels: new Map(), startOverrides: new Map() };
  const root = rootElement(xml, 'w:numbering');
  if (!root) return defs;
  for (const abstract of childrenNamed(root, 'w:abstractnum')) {
    const levels: Level[] = [];
    for (const lvl of childrenNamed(abstract, 'w:lvl')) {
      const ilvl = intOf(lvl.attribs['w:ilvl'], -1);
      if (ilvl < 0 || ilvl >= MAX_LEVELS) continue;
      levels[ilvl] = {
        start: intOf(val(childNamed(lvl, 'w:start')), 1),
        format: val(childNamed(lvl, 'w:numfmt')) ?? 'decimal',
        text: val(childNamed(lvl, 'w:lvltext')) ?? '',
        legal: childNamed(lvl, 'w:islgl') !== undefined,
      };
    }
    defs.levels.set(abstract.attribs['w:abstractnumid'] ?? '', levels);
  }
  for (const num of childrenNamed(root, 'w:num')) {
    const numId = num.attribs['w:numid'] ?? '';
    defs.abstractOf.set(numId, val(childNamed(num, 'w:abstractnumid')) ?? '');
    for (const override of childrenNamed(num, 'w:lvloverride')) {
      const start = val(childNamed(override, 'w:startoverride'));
      if (start === undefined) continue;
      const overrides = defs.startOverrides.get(numId) ?? new Map<number, number>();
      overrides.set(intOf(override.attribs['w:ilvl'], 0), intOf(start, 1));
      defs.startOverrides.set(numId, overrides);
    }
  }
  return defs;
}

/** Numbering that paragraph styles carry (headings are often numbered through their style). */
export function parseStyleNumbering(xml: string): Map<string, StyleNumbering> {
  const styles = new Map<string, StyleNumbering>();
  const root = rootElement(xml, 'w:styles');
  if (!root) return styles;
  for (const style of childrenNamed(root, 'w:style')) {
    const numPr = childNamed(childNamed(style, 'w:ppr'), 'w:numpr');
    const ilvl = val(childNamed(numPr, 'w:ilvl'));
    styles.set(style.attribs['w:styleid'] ?? '', {
      numId: val(childNamed(numPr, 'w:numid')),
      ilvl: ilvl === undefined ? undefined : intOf(ilvl, 0),
      basedOn: val(childNamed(style, 'w:basedon')),
    });
  }
  return styles;
}

export function styleNumbering(styles: Map<string, StyleNumbering>, styleId: string | undefined): { numId?: string; ilvl?: number } {
  const seen = new Set<string>();
  let numId: string | undefined;
  let ilvl: number | undefined;
  for (let id = styleId; id && !seen.has(id) && seen.size < 20; id = styles.get(id)?.basedOn) {
    seen.add(id);
    const style = styles.get(id);
    numId ??= style?.numId;
    ilvl ??= style?.ilvl;
  }
  return { numId, ilvl };
}

/** Counts list items as Word does: per abstract list, deeper levels restart when a level advances. */
export class ListCounter {
  private counters = new Map<string, number[]>();
  private seenNums = new Set<string>();
  constructor(private defs: NumberingDefinitions) {}

  label(numId: string, ilvl: number): string | undefined {
    const abstractId = this.defs.abstractOf.get(numId);
    const levels = abstractId === undefined ? undefined : this.defs.levels.get(abstractId);
    const level = levels?.[ilvl];
    if (!abstractId || !levels || !level) return undefined;
    const counts = this.counters.get(abstractId) ?? [];
    this.counters.set(abstractId, counts);
    const overrides = this.defs.startOverrides.get(numId);
    if (!this.seenNums.has(numId)) {
      this.seenNums.add(numId);
      for (const lvl of overrides?.keys() ?? []) counts[lvl] = NaN;
    }
    const startOf = (lvl: number) => overrides?.get(lvl) ?? levels[lvl]?.start ?? 1;
    counts[ilvl] = Number.isFinite(counts[ilvl]) ? counts[ilvl] + 1 : startOf(ilvl);
    counts.length = ilvl + 1;
    if (formatNumber(1, level.format) === undefined) return undefined;
    return level.text.replace(/%([1-9])/g, (_, d: string) => {
      const lvl = Number(d) - 1;
      const n = Number.isFinite(counts[lvl]) ? counts[lvl] : startOf(lvl);
      return formatNumber(n, level.legal ? 'decimal' : (levels[lvl]?.format ?? 'decimal')) ?? '';
    });
  }
}
