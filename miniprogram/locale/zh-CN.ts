/**
 * Every sentence the mini-program itself shows, in one place so another language (or an
 * elder edition with plainer wording) can follow. Validator messages come from
 * domain/messages.ts instead, because the server returns those same strings.
 */
export const t = {
  appName: '中国领事',
  comingSoon: '即将开放',
  loading: '加载中…',
  networkError: '网络连接失败，请稍后重试',
  serverError: '服务暂时不可用，请稍后重试',
  loginFailed: '登录失败，请稍后重试',

  home: {
    title: '中国领事',
    servicesTitle: '领事服务',
    missionTitle: '我的使领馆',
    chooseMission: '选择使领馆',
    changeMission: '更换',
    noMission: '尚未选择使领馆，选择后可查看地址、电话和办公时间',
    address: '地址',
    phone: '电话',
    hours: '办公时间',
    localTime: '当地时间',
    localTimeUnavailable: '当前设备无法换算当地时间',
    shareTitle: '中国领事：护照、旅行证、养老金资格认证等领事服务',
  },
  hotline: {
    title: '拨打12308领事保护热线',
    content: '将拨打 {primary}。如无法接通，请拨打备用号码 {backup}。',
    confirm: '立即拨打',
    cancel: '取消',
  },
  orders: {
    title: '我的订单',
    empty: '暂无订单',
    loginPrompt: '登录后可查看您的申请进度',
    login: '微信登录',
  },
  messages: {
    title: '消息',
    empty: '暂无消息',
  },
  me: {
    title: '我的',
    notLoggedIn: '未登录',
    login: '微信登录',
    logout: '退出登录',
    identity: '实名认证',
    identityVerified: '已认证',
    verifiedAt: '认证于{date}',
    identityMissing: '未认证',
    mission: '我的使领馆',
    missionMissing: '未选择',
    privacy: '隐私保护指引',
  },
  identity: {
    title: '实名认证',
    intro: '请填写与证件一致的信息。证件号码加密保存，仅以部分隐藏的形式显示。',
    name: '姓名',
    namePlaceholder: '与证件一致',
    idType: '证件类型',
    idTypePlaceholder: '请选择证件类型',
    idNumber: '证件号码',
    idNumberPlaceholder: '请输入证件号码',
    phone: '手机号码',
    phonePlaceholder: '中国大陆手机号或+国家代码的境外号码',
    email: '电子邮箱',
    emailPlaceholder: '选填，可代替手机号码',
    submit: '提交认证',
    submitting: '提交中…',
    success: '实名认证成功',
    fixErrors: '请按提示修改后再提交',
    taken: '该证件已被其他微信账号认证。如非本人操作，请联系使领馆。',
    pickerConfirm: '确定',
    pickerCancel: '取消',
    verifiedAs: '已认证：{name}（{idNumber}）',
  },
  mission: {
    title: '选择使领馆',
    searchPlaceholder: '搜索国家、城市或使领馆名称',
    empty: '没有找到匹配的使领馆',
    saved: '已选择{name}',
    loadFailed: '使领馆列表加载失败，请下拉重试',
    district: '领区',
    retry: '重试',
    chosen: '已选择',
  },
  privacy: {
    title: '隐私保护提示',
    content:
      '在使用实名认证、办理申请等功能前，请阅读并同意《中国领事隐私保护指引》。不同意时，您仍可浏览首页和使领馆信息。',
    link: '《中国领事隐私保护指引》',
    agree: '同意并继续',
    disagree: '不同意',
  },
} as const;

/** Fills {placeholders} in a sentence. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');
}
