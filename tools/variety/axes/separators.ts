import { SEPARATORS } from '../render/text.js';
import type { Axis } from './axis.js';

/** Text renderings whose cells are glued, or separated by single spaces, tabs, pipes or line breaks. */
export const separators: Axis = {
  id: 'separators',
  formats: ['txt'],
  apply(draft, random) {
    draft.separator = random.pick(SEPARATORS);
    draft.notes.push(`separator ${draft.separator}`);
  },
};
