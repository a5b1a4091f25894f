/** Sentences of the review workflow (server side); the state machine's own are in orderMessages (domain). */
export const reviewMessages = {
  supplementItemsUnknown: '请从列表中选择需要补充的材料',
  supplementNotRequested: '该材料不在补充材料要求中',
  supplementNotOpen: '当前没有需要补充的材料',
  messageNotFound: '未找到该消息',
  templateUnknown: '不支持的订阅消息模板',
  staffRoleRequired: '该操作需要主管权限',
} as const;
