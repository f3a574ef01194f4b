import type { TableId } from '../templates/ids.js';
import { identitiesOf } from '../templates/identities.js';
import { identity, type Rule } from './rule.js';

/** A rule that checks every identity of the template with its id (src/templates/identities.ts). */
export function identityRule(id: string, table: TableId): Rule {
  return {
    id,
    emits: [id],
    check(record, ctx) {
      return identitiesOf(table, record.layout[table])
        .filter((i) => i.rule === id)
        .flatMap((i) => identity(id, i.where, record, ctx, i.parts, i.totals, i.describe));
    },
  };
}
