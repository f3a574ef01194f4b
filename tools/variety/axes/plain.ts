import type { Axis } from './axis.js';

/** The report as the template prints it: the baseline every other axis is compared with. */
export const plain: Axis = { id: 'plain', apply() {} };
