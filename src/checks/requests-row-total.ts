import { REQUEST_COLUMNS, REQUESTS_2019, REQUESTS_2021 } from '../templates/ids.js';
import { identity, type Rule } from './rule.js';

const APPLICANTS = REQUEST_COLUMNS.filter((c) => c.id !== 'total');

/** 总计 equals 自然人 plus the five kinds of 法人或其他组织, on every row. */
export const requestsRowTotal: Rule = {
  id: 'requests.row_total',
  check(record, ctx) {
    if (record.layout.requests === 'none') return [];
    const layout = record.layout.requests === '2019' ? REQUESTS_2019 : REQUESTS_2021;
    return layout.rows.flatMap((row) =>
      identity(
        this.id,
        row.id,
        record,
        ctx,
        APPLICANTS.map((c) => `requests.${row.id}.${c.id}`),
        [`requests.${row.id}.total`],
        (l, r) => `${row.label}: the applicant columns sum to ${l}, but 总计 says ${r}`,
      ),
    );
  },
};
