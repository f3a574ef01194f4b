import { SEPARATORS } from '../model.js';
import type { Axis } from './axis.js';

/**
 * Text renderings whose cells are glued, or separated by single spaces, tabs, pipes or line breaks: the
 * variants of an axis take the five in turn, so every kind is measured as often as the others.
 */
export const separators: Axis = {
  id: 'separators',
  formats: ['txt'],
  apply(draft) {
    draft.separator = SEPARATORS[draft.index % SEPARATORS.length];
    draft.notes.push(`separator ${draft.separator}`);
  },
};
