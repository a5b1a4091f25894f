import type { Widen } from './language';

/**
 * Every sentence the main package shows, in 简体中文 — the source language: en.ts and
 * zh-Hant.ts have exactly its keys and placeholders (tests/miniprogram/locale-catalogues.test.ts).
 * A subpackage's sentences live in that subpackage (packages/<name>/text.ts), so the main
 * package does not carry them. Validator messages come from domain/messages.ts instead,
 * because the server returns those same strings. Read them through `t` (locale/text.ts).
 */
export const zhCN = {
  appName: '中国领事',
  comingSoon: '即将开放',
  loading: '加载中…',
  networkError: '网络连接失败，请稍后重试',
  serverError: '服务暂时不可用，请稍后重试',
  loginFailed: '登录失败，请稍后重试',
  /** components/network-banner: a refresh failed while the page shows what it had. */
  networkBanner: {
    retry: '重试',
  },
  /** app.ts: WeChat downloaded a new version of the mini-program. */
  update: {
    title: '新版本已准备好',
    content: '重启即可使用新版本，已保存的内容不会丢失。',
    restart: '重启',
    later: '稍后',
  },
  /** The tab bar (app.json has the 简体 ones; wx.setTabBarItem puts these in). */
  tabBar: ['首页', '我的订单', '消息', '我的'],
  /** Picking images to upload (main api/applications.ts and the subpackages that upload). */
  upload: {
    fileTooLarge: '图片超过5MB，请压缩或重新拍摄后再上传',
    fileType: '只能上传JPG或PNG图片',
    fileReadFailed: '无法读取该图片，请重新选择',
  },
  /** 长辈版 (elder mode): the switch on home and in 我的. */
  elderMode: {
    title: '长辈版',
    description: '大字体、大按钮、简洁首页',
    on: '已开启',
    off: '未开启',
    turnedOn: '已开启长辈版',
    turnedOff: '已关闭长辈版',
    autoNotice: '您的微信字体较大，已为您自动开启长辈版。',
    keep: '保持开启',
    turnOff: '关闭长辈版',
  },
  /** 我的 → 语言: each language is named in itself; only "follow the phone" is translated. */
  language: {
    title: '语言',
    system: '跟随系统',
  },

  home: {
    title: '中国领事',
    servicesTitle: '领事服务',
    todoTitle: '需要您处理',
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
    /** Tiles that are not application services (those are named by their tiles). */
    kind: { embassy: '大使馆', consulate_general: '总领事馆' },
    tiles: { legalization_check: '领事认证查验', consular_info: '领事资讯', hotline_12308: '12308领事保护' },
  },
  /**
   * 首页 search (components/home-search): one field that finds services, pages and settings.
   * The index is built from the service tiles and the pages' own titles; `places` names the
   * info pages (their own titles ship in the info subpackage) and `keywords` holds other words
   * a citizen may type for an entry (by its id, "、"-separated). Every locale's words are
   * searched, so 简体 finds 繁體 entries and the other way round.
   */
  search: {
    label: '搜索服务和设置',
    placeholder: '搜索，如“护照”“长辈版”“12308”',
    empty: '没有找到与“{query}”相关的服务',
    emptyHint: '可以换个说法，或拨打12308领事保护热线求助',
    allServices: '查看全部服务',
    places: { news: '新闻公告', alerts: '海外安全提醒', guide: '出行指南', phrasebook: '在线翻译' },
    keywords: {
      elder_mode: '长辈模式、老人、老年人、长者、大字体、字体大小、放大、关怀模式、适老化',
      language: '切换语言、简体、繁体、英文、英语、English',
      passport: '换发、补发、过期、丢失、遗失、加注、新办',
      emergency_travel: '回国、护照丢失、护照被偷、紧急',
      pension: '退休金、生存认证、健在证明',
      legalization_check: '公证、海牙认证、附加证明书、核查、真伪',
      consular_info: '新闻、通知',
      hotline_12308: '热线、电话、求助、紧急',
      documents: '护照到期、到期提醒',
      registration: '出行登记、报平安',
      identity: '身份证、身份认证',
      mission: '大使馆、总领事馆、地址、办公时间',
      orders: '进度、申请',
      messages: '通知',
      news: '通知',
      alerts: '预警、危险',
      guide: '入境、居留、紧急电话',
      phrasebook: '常用语、求助',
    },
  },
  /** The countdown card (home, 我的): one line per person this account certifies. */
  pensionCountdown: {
    title: '养老金资格认证',
    daysLeft: '距下次认证截止还有 {days} 天',
    overdue: '已超过认证截止日 {days} 天，请尽快认证',
    pending: '认证中，结果将通过消息通知您',
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
    emptyHint: '护照、旅行证、养老金资格认证等可在首页办理',
    startApplying: '去办理',
    loginPrompt: '登录后可查看您的申请进度',
    login: '微信登录',
    drafts: '未提交的草稿',
    list: '办理中的和已办结的申请',
    orderNo: '订单号',
    savedAt: '上次保存：{date}',
    keptUntil: '草稿保留至{date}',
    submittedAt: '提交于{date}',
    yourTurn: '需要您处理',
    loadFailed: '订单加载失败，请稍后重试',
    retry: '重试',
    /** The button for what the citizen must do (nextStep.todo). */
    todo: {
      continue: '继续填写',
      pay: '去支付',
      supplement: '上传补充材料',
      interview: '查看面审安排',
      mail_passport: '查看寄送要求',
      collect: '查看领取说明',
      receive: '确认收到证件',
    },
  },
  messages: {
    title: '消息',
    empty: '暂无消息',
    emptyHint: '办理进度和缴费提醒会发到这里',
    startApplying: '去办理',
    loginPrompt: '登录后可查看申请进度通知',
    login: '微信登录',
    readAll: '全部已读',
    unread: '未读',
    loadMore: '加载更多',
    noMore: '没有更多消息了',
    loadFailed: '消息加载失败，请稍后重试',
    retry: '重试',
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
    registration: '海外公民登记',
    documents: '我的证件',
    blockingApplications: '以我名义提交的申请',
    privacy: '隐私保护指引',
  },
  privacy: {
    title: '隐私保护提示',
    content:
      '在使用实名认证、办理申请等功能前，请阅读并同意《中国领事隐私保护指引》。不同意时，您仍可浏览首页和使领馆信息。',
    link: '《中国领事隐私保护指引》',
    agree: '同意并继续',
    disagree: '不同意',
  },
  /** How dates are shown (utils/format.ts): dayjs patterns; {weekday} is one of weekdays (Sunday first). */
  dates: {
    date: 'YYYY年M月D日',
    dateTime: 'YYYY年M月D日 HH:mm',
    day: 'M月D日 {weekday}',
    weekdays: ['周日', '周一', '周二', '周三', '周四', '周五', '周六'],
  },
  alertBanner: {
    heading: '{country}安全提醒',
    /** The same words as domain/info-messages.ts's alert levels (which the server and console use). */
    levels: { take_care: '注意安全', caution: '谨慎前往', do_not_travel: '暂勿前往' },
  },
} as const;

/** What every other locale's main catalogue must match. */
export type Catalogue = Widen<typeof zhCN>;
