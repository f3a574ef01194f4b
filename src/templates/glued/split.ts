/**
 * The ways a glued digit string can be cut into a row's numbers. Every enumeration is bounded: past
 * the caps the result says `complete: false` and the caller must not treat what it got as all readings.
 */
import type { ColumnDef } from '../ids.js';
import { UNREADABLE_VALUE, blankLengths, onlyValues, isBlankPart, isUnreadablePart, unreadableLength } from './markers.js';

export interface SplitLimits {
  /** Stop after this many readings (a row with more is too ambiguous to be worth listing). */
  maxReadings: number;
  /** Stop after this many search steps, whatever was found. */
  maxSteps: number;
  /** Longest number accepted in one cell, in digits (keeps values exact as JS numbers). */
  maxDigits: number;
}

export const DEFAULT_SPLIT_LIMITS: SplitLimits = { maxReadings: 2000, maxSteps: 200_000, maxDigits: 12 };

/**
 * One cut of a run: a number per column, null where the run printed a blank marker (-, /, 无), and
 * UNREADABLE_VALUE (NaN) where it printed text in the cell (＊, 不适用): a value not known.
 */
export type Cut = Array<number | null>;

export interface SplitResult {
  readings: Cut[];
  /** False when a cap stopped the enumeration: more readings may exist. */
  complete: boolean;
}

// No leading zeros except a lone 0: printed tables never pad counts, and padding would make every
// string ambiguous.
const PART_PATTERN: Record<ColumnDef['kind'], RegExp> = {
  count: /^(0|[1-9]\d*)$/,
  amount: /^(0|[1-9]\d*)(\.\d+)?$/,
  signed: /^(0|[+-]?[1-9]\d*)$/,
};

function partOk(part: string, kind: ColumnDef['kind'], limits: SplitLimits): boolean {
  const digits = part.replace(/[^0-9]/g, '').length;
  return digits <= limits.maxDigits && PART_PATTERN[kind].test(part);
}

/**
 * A run printed with a space between its values (crawler text of a table whose cells kept their
 * separators): the spaces are the cuts, so there is one reading — or none, when the count is wrong.
 */
export function splitSpaced(raw: string, kinds: ColumnDef['kind'][], limits: SplitLimits = DEFAULT_SPLIT_LIMITS): SplitResult {
  const parts = raw.split(' ');
  const ok = parts.length === kinds.length && parts.every((p, i) => isBlankPart(p) || isUnreadablePart(p) || partOk(p, kinds[i], limits));
  return { readings: ok ? [parts.map((p) => (isBlankPart(p) ? null : isUnreadablePart(p) ? UNREADABLE_VALUE : Number(p)))] : [], complete: true };
}

/** Every cut of `raw` into one number per column, with no identity to check (the proactive table). */
export function splitFree(raw: string, kinds: ColumnDef['kind'][], limits: SplitLimits = DEFAULT_SPLIT_LIMITS): SplitResult {
  if (raw.includes(' ')) return splitSpaced(raw, kinds, limits);
  const readings: Cut[] = [];
  let steps = 0;
  let complete = true;
  const parts: Cut = [];
  const signed = kinds.includes('signed');
  const walk = (pos: number, col: number): void => {
    if (!complete) return;
    if (++steps > limits.maxSteps || readings.length >= limits.maxReadings) {
      complete = false;
      return;
    }
    if (col === kinds.length) {
      if (pos === raw.length) readings.push([...parts]);
      return;
    }
    const left = kinds.length - col - 1;
    for (const length of blankLengths(raw, pos, signed)) {
      parts.push(null);
      walk(pos + length, col + 1);
      parts.pop();
      if (!complete) return;
    }
    const mark = unreadableLength(raw, pos);
    if (mark > 0) {
      parts.push(UNREADABLE_VALUE);
      walk(pos + mark, col + 1);
      parts.pop();
      return;
    }
    for (let end = pos + 1; end <= raw.length - left; end++) {
      const part = raw.slice(pos, end);
      if (!partOk(part, kinds[col], limits)) {
        // A count never becomes valid by growing; a signed or decimal value may ('+' → '+2', '5.' → '5.1').
        if (kinds[col] === 'count') break;
        continue;
      }
      parts.push(Number(part));
      walk(end, col + 1);
      parts.pop();
      if (!complete) return;
    }
  };
  walk(0, 0);
  return { readings, complete };
}

/**
 * Every cut of `raw` into `groups` consecutive groups of `size` counts in which each group's last
 * number is the sum of the others (requests rows: 6 applicant columns + 总计; appeals: 3 groups of
 * 4 outcomes + 总计). The total is not searched for: it must be the printed sum, which prunes hard.
 */
export function splitWithTotals(raw: string, groups: number, size: number, limits: SplitLimits = DEFAULT_SPLIT_LIMITS): SplitResult {
  // Printed separated, the values are as printed: a total that does not add up is the report's.
  if (raw.includes(' ')) return splitSpaced(raw, new Array<ColumnDef['kind']>(groups * size).fill('count'), limits);
  const readings: Cut[] = [];
  let steps = 0;
  let complete = true;
  const parts: Cut = [];
  const marked = /[^0-9]/.test(raw);
  /** `sum`: of the group's cells so far; `open`: one of them is unreadable, so the total is only bounded by it. */
  const walk = (pos: number, group: number, col: number, sum: number, open: boolean): void => {
    if (!complete) return;
    if (++steps > limits.maxSteps || readings.length >= limits.maxReadings) {
      complete = false;
      return;
    }
    if (group === groups) {
      if (pos === raw.length) readings.push([...parts]);
      return;
    }
    const mark = unreadableLength(raw, pos);
    if (col === size - 1) {
      // A total may print a blank: of a row of blanks, or a total the report left out (258 12 无 无 1 1 无);
      // the column identities then decide the row's cut. An unreadable total holds no sum.
      for (const length of blankLengths(raw, pos, false)) {
        parts.push(null);
        walk(pos + length, group + 1, 0, 0, false);
        parts.pop();
      }
      if (mark > 0) {
        parts.push(UNREADABLE_VALUE);
        walk(pos + mark, group + 1, 0, 0, false);
        parts.pop();
        return;
      }
      if (open) {
        // A cell of the group is unreadable: the total is any count of at least the others' sum.
        const cellsLeft = (groups - group - 1) * size;
        for (let end = pos + 1; end <= raw.length - cellsLeft; end++) {
          const part = raw.slice(pos, end);
          if (!partOk(part, 'count', limits)) break;
          if (Number(part) < sum) continue;
          parts.push(Number(part));
          walk(end, group + 1, 0, 0, false);
          parts.pop();
          if (!complete) return;
        }
        return;
      }
      const total = String(sum);
      if (!raw.startsWith(total, pos)) return;
      parts.push(sum);
      walk(pos + total.length, group + 1, 0, 0, false);
      parts.pop();
      return;
    }
    // Every later cell needs at least one character.
    const cellsLeft = (groups - group) * size - col - 1;
    for (const length of blankLengths(raw, pos, false)) {
      if (raw.length - pos - length < cellsLeft) continue;
      parts.push(null);
      walk(pos + length, group, col + 1, sum, open);
      parts.pop();
      if (!complete) return;
    }
    if (mark > 0) {
      if (raw.length - pos - mark >= cellsLeft) {
        parts.push(UNREADABLE_VALUE);
        walk(pos + mark, group, col + 1, sum, true);
        parts.pop();
      }
      return;
    }
    for (let end = pos + 1; end <= raw.length - cellsLeft; end++) {
      const part = raw.slice(pos, end);
      if (!partOk(part, 'count', limits)) break;
      // What is left must still hold this group's other cells, its printed total and the later groups;
      // a longer part only leaves less room for a larger total.
      // (In a run with blank markers the total may be a one-character blank.)
      const needed = (size - 2 - col) + (marked ? 1 : String(sum + Number(part)).length) + (groups - group - 1) * size;
      if (raw.length - end < needed) break;
      parts.push(Number(part));
      walk(end, group, col + 1, sum + Number(part), open);
      parts.pop();
      if (!complete) return;
    }
  };
  if (onlyValues(raw)) walk(0, 0, 0, 0, false);
  return { readings, complete };
}
