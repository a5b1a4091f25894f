import { localized, type Widen } from '../../locale/language';
import { en } from './text-en';
import { zhHant } from './text-zh-Hant';

/** What the pension pages show (the service's own words are its text map; the server sends those). */
const zhCN = {
  title: '养老金资格认证',
  intro: '在境外领取国内基本养老金，须每12个月至少认证一次。认证免费，结果一般10个工作日内通过消息通知您。',
  empty: '您还没有提交过养老金资格认证。',
  start: '开始认证',
  startForFamily: '为本人或家人认证',
  recertify: '重新认证（只需人脸核验）',
  recertifying: '正在准备…',
  daysLeft: '距下次认证截止还有 {days} 天',
  overdue: '已超过认证截止日 {days} 天，请尽快认证',
  deadline: '下次认证截止日',
  certifiedOn: '上次认证通过',
  latest: '最近一次认证',
  history: '认证记录',
  status: '状态',
  orderNo: '订单号',
  agency: '发放机构',
  submittedAt: '提交时间',
  expectedResultBy: '预计出结果日期',
  reason: '未通过原因',
  paperFormTitle: '到使领馆办理纸质认证',
  missionAddress: '地址',
  missionHours: '办公时间',
  missionPhone: '电话',
  retry: '重试',
  back: '返回我的认证',
  loadFailed: '加载失败，请稍后重试',
} as const;

export type PensionText = Widen<typeof zhCN>;

/** This subpackage's sentences in the current language (text-en.ts, text-zh-Hant.ts: the same keys and placeholders). */
export const text = localized<PensionText>({ 'zh-CN': zhCN, 'zh-Hant': zhHant, en });
