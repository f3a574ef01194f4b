import { identityRule } from './identity-rule.js';

/** 第一项加第二项之和，等于第三项加第四项之和 — printed in the table itself; each of the 7 columns. */
export const requestsBalance = identityRule('requests.balance', 'requests');
