import { identityRule } from './identity-rule.js';

/** 总计 equals 结果维持 + 结果纠正 + 其他结果 + 尚未审结, for each of the three groups. */
export const appealsGroupTotal = identityRule('appeals.group_total', 'appeals');
