/** Chinese labels for reports and exports. */
export const CATEGORY_ZH: Record<string, string> = {
  legislation: '立法建议',
  'regulation-review': '法规审查建议',
  'deputy-work': '代表工作',
  economy: '经济发展、企业诉求',
  'urban-construction': '城建、住房、物业、环境',
  'employment-social': '就业、社保、民政',
  'education-health-culture': '教育、卫生、文化',
  'agriculture-rural': '农业农村',
  litigation: '涉法涉诉',
  'official-conduct': '公职人员履职',
  other: '其他',
};
export const GRADE_ZH: Record<string, string> = { normal: '普通', escalated: '提级办理', 'joint-consultation': '会商办理' };
export const STATUS_ZH: Record<string, string> = {
  registered: '已登记',
  accepted: '已受理',
  rejected: '不予受理',
  routed: '已交办',
  in_handling: '办理中',
  replied: '已答复',
  closed: '已办结',
  withdrawn: '已撤回',
};
export const CHANNEL_ZH: Record<string, string> = { letter: '来信', visit: '来访', online: '网上信访', phone: '电话' };
export const MODE_ZH: Record<string, string> = { internal: '内部办理', transfer: '转送', supervised: '交办督办' };
export const FEEDBACK_ZH: Record<string, string> = { satisfied: '满意', dissatisfied: '不满意' };
