import { identityRule } from './identity-rule.js';

/** 总计 equals 自然人 plus the five kinds of 法人或其他组织, on every row. */
export const requestsRowTotal = identityRule('requests.row_total', 'requests');
