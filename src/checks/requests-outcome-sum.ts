import { identityRule } from './identity-rule.js';

/** （七）总计 equals the sum of the outcome rows (21 in the 2021 layout, 19 in 2019), per column. */
export const requestsOutcomeSum = identityRule('requests.outcome_sum', 'requests');
