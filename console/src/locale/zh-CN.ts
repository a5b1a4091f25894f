/**
 * Every string a staff member reads, in one place, so wording is reviewed together and a
 * second language would be one more file of the same shape.
 */
import { missionKindLabels } from '../../../miniprogram/domain/missions';
import type { StaffRole } from '../api/types';

export const zhCN = {
  app: {
    name: '中国领事',
    consoleName: '领馆工作台',
    /** The one character on the red seal beside the product name. */
    seal: '领',
    /** Browser tab title: page title, then the product. */
    documentTitle: (page: string | undefined) => (page ? `${page} · 中国领事领馆工作台` : '中国领事领馆工作台'),
  },
  nav: {
    missions: '使领馆',
    account: '我的账号',
  },
  header: {
    logout: '退出登录',
    logoutFailed: '退出失败，请重试',
  },
  login: {
    title: '登录',
    subtitle: '驻外使领馆工作人员专用',
    username: '用户名',
    usernamePlaceholder: '请输入用户名',
    usernameRequired: '请输入用户名',
    password: '密码',
    passwordPlaceholder: '请输入密码',
    passwordRequired: '请输入密码',
    submit: '登录',
    /** Shown for 429 when the server sends no message of its own. */
    tooManyAttempts: '尝试次数过多，请稍后再试',
  },
  missions: {
    title: '使领馆',
    description: '全部驻外使领馆及其领区',
    total: (count: number) => `共 ${count} 个`,
    columns: {
      name: '名称',
      kind: '类型',
      city: '城市',
      phone: '电话',
      timezone: '时区',
      district: '领区',
    },
    empty: '暂无使领馆',
    loadFailed: '使领馆列表加载失败',
    retry: '重试',
  },
  account: {
    title: '我的账号',
    profileCard: '账号信息',
    displayName: '姓名',
    username: '用户名',
    role: '角色',
    mission: '所属使领馆',
    missionCity: '所在城市',
    missionPhone: '使领馆电话',
  },
  roles: {
    reviewer: '审核员',
    supervisor: '主管',
    admin: '管理员',
  } satisfies Record<StaffRole, string>,
  // Shared with the mini-program so citizens and staff see the same words.
  missionKinds: missionKindLabels,
  errors: {
    network: '网络连接失败，请检查网络后重试',
    unexpected: '服务器开小差了，请稍后重试',
    sessionExpired: '登录已过期，请重新登录',
  },
  notFound: {
    title: '页面不存在',
  },
} as const;

export type Messages = typeof zhCN;
export const t = zhCN;
