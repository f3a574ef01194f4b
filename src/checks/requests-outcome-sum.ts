import { REQUEST_COLUMNS, REQUEST_OUTCOME_ROWS, REQUESTS_2019, REQUESTS_2021 } from '../templates/ids.js';
import { identity, type Rule } from './rule.js';

/** （七）总计 equals the sum of the outcome rows (21 in the 2021 layout, 19 in 2019), per column. */
export const requestsOutcomeSum: Rule = {
  id: 'requests.outcome_sum',
  check(record, ctx) {
    if (record.layout.requests === 'none') return [];
    const outcomes = REQUEST_OUTCOME_ROWS(record.layout.requests === '2019' ? REQUESTS_2019 : REQUESTS_2021);
    return REQUEST_COLUMNS.flatMap((c) =>
      identity(
        this.id,
        c.id,
        record,
        ctx,
        outcomes.map((r) => `requests.${r.id}.${c.id}`),
        [`requests.total_processed.${c.id}`],
        (l, r) => `${c.label}: the ${outcomes.length} outcome rows sum to ${l}, but （七）总计 says ${r}`,
      ),
    );
  },
};
