/**
 * Attack 2 (a text value in a number cell absorbed into the row label, shifting the row's values one
 * column left: `[不适用 | 1 | 23]` read as issued=1, repealed=23) belongs to the accuracy work on the
 * row resolver (src/templates/, the lead's issue), not to this hardening branch. It stays listed here
 * so the hostile suite names every case of the attack run; the resolver's own tests cover it.
 */
import { describe, it } from 'vitest';

describe('a text value in a number cell', () => {
  it.todo('reads 不适用, 见附件, 四 and =1+1 in a value column as unreadable values, never as part of the row label, and shifts nothing');
});
