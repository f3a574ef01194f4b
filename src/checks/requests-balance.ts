import { REQUEST_COLUMNS } from '../templates/ids.js';
import { identity, type Rule } from './rule.js';

/** 第一项加第二项之和，等于第三项加第四项之和 — printed in the table itself. */
export const requestsBalance: Rule = {
  id: 'requests.balance',
  check(record, ctx) {
    if (record.layout.requests === 'none') return [];
    return REQUEST_COLUMNS.flatMap((c) =>
      identity(
        this.id,
        c.id,
        record,
        ctx,
        [`requests.new_received.${c.id}`, `requests.carried_over.${c.id}`],
        [`requests.total_processed.${c.id}`, `requests.carried_forward.${c.id}`],
        (l, r) => `${c.label}: 本年新收 + 上年结转 = ${l}, but 办理结果总计 + 结转下年度 = ${r}`,
      ),
    );
  },
};
