/** Page paths in one place, so a moved page breaks the type-check, not a tap. */
export const ROUTES = {
  home: '/pages/home/index',
  identityForm: '/packages/identity/form/index',
  missionPicker: '/packages/mission/picker/index',
  applyForm: '/packages/apply/form/index',
  applyResult: '/packages/apply/result/index',
  orders: '/pages/orders/index',
  legalizationVerify: '/packages/legalization/verify/index',
  infoHome: '/packages/info/index/index',
  infoNews: '/packages/info/news/index',
  infoArticle: '/packages/info/article/index',
  infoAlerts: '/packages/info/alerts/index',
  infoAlert: '/packages/info/alert/index',
  infoGuide: '/packages/info/guide/index',
  infoPhrasebook: '/packages/info/phrasebook/index',
} as const;
