import type { Axis, Draft } from './axis.js';
import type { Random } from '../random.js';

/**
 * Half of a rendering axis's variants show one other axis at once (a converter's tables with wrapped
 * labels, a bold PDF with a row fault), so that its reader is tried on more than the plain template.
 * The draws are the axis's own: the same seed gives the same variants.
 */
export function alsoOneOf(draft: Draft, random: Random, others: Axis[]): void {
  if (!random.chance(0.5)) return;
  const axis = random.pick(others);
  draft.notes.push(`+${axis.id}`);
  axis.apply(draft, random.fork(axis.id));
}
