import { APPEALS_2021 } from '../templates/ids.js';
import { identity, type Rule } from './rule.js';

/** 总计 equals 结果维持 + 结果纠正 + 其他结果 + 尚未审结, for each of the three groups. */
export const appealsGroupTotal: Rule = {
  id: 'appeals.group_total',
  check(record, ctx) {
    if (record.layout.appeals === 'none') return [];
    return APPEALS_2021.rows.flatMap((row) =>
      identity(
        this.id,
        row.id,
        record,
        ctx,
        ['upheld', 'corrected', 'other', 'pending'].map((c) => `appeals.${row.id}.${c}`),
        [`appeals.${row.id}.total`],
        (l, r) => `${row.label}: 维持 + 纠正 + 其他 + 尚未审结 = ${l}, but 总计 says ${r}`,
      ),
    );
  },
};
