import { fill, localized, type Widen } from '../../locale/language';
import { guideSectionTitles } from './domain/destination-guides';
import { phraseCategoryLabels } from './domain/phrasebook';
import { en } from './text-en';
import { zhHant } from './text-zh-Hant';

export { fill };

/**
 * What the consular-information pages show, in 简体中文 (the source language: text-en.ts and
 * text-zh-Hant.ts have exactly these keys and placeholders). News, alerts, guides, phrases,
 * country and mission names are content the server (or domain/phrasebook.ts) carries as
 * written; the alert levels' words are the main catalogue's (t.alertBanner.levels).
 */
const zhCN = {
  hub: {
    title: '领事资讯',
    news: '新闻公告',
    newsDesc: '使领馆发布的通知、新闻和办事提示',
    alerts: '海外安全提醒',
    alertsDesc: '注意安全、谨慎前往、暂勿前往三级提醒',
    guide: '出行指南',
    guideDesc: '入境居留、安全、交通、医疗、紧急电话',
    phrasebook: '在线翻译',
    phrasebookDesc: '求助常用语，离线可用，可全屏出示给对方',
    shareTitle: '领事资讯：新闻公告、海外安全提醒、出行指南',
  },
  offline: '离线内容，更新于{time}',
  loadFailed: '加载失败，请检查网络后重试',
  retry: '重试',
  needMission: '选择使领馆后，可查看该馆发布的资讯和所在国的出行指南。',
  chooseMission: '选择使领馆',
  news: {
    title: '新闻公告',
    pinned: '置顶',
    empty: '暂无新闻公告',
    loadingMore: '加载中…',
    noMore: '没有更多了',
    shareTitle: '{mission}新闻公告',
  },
  article: {
    notFound: '该文章不存在或已撤回',
    publishedAt: '发布于{date}',
  },
  alerts: {
    title: '海外安全提醒',
    others: '其他国家和地区',
    none: '{country}目前没有生效的安全提醒。',
    noneAnywhere: '目前没有生效的安全提醒。',
    levelsTitle: '提醒级别说明',
    levels: {
      take_care: '当地存在一定安全风险，请注意人身和财产安全。',
      caution: '当地安全风险较高，如非必要请谨慎前往。',
      do_not_travel: '当地安全风险极高，请暂勿前往；已在当地的请尽快撤离或做好防护。',
    },
    shareTitle: '海外安全提醒',
  },
  alert: {
    notFound: '该提醒已结束或不存在',
    from: '生效时间',
    until: '结束时间',
    untilOpen: '另行通知',
    /** The share card: the level in words, then the alert's title. */
    shareTitle: '{level}：{title}',
  },
  guide: {
    title: '出行指南',
    empty: '暂无内容',
    /** A number's accessible name: what tapping it does. */
    callNumber: '拨打{label} {number}',
    address: '地址',
    phone: '电话',
    hours: '办公时间',
    notFound: '暂无该国的出行指南',
    updatedAt: '更新于{date}',
    shareTitle: '{country}出行指南',
    /** The sections' 简体 names are the domain's (the console shows them too). */
    sections: guideSectionTitles,
  },
  phrasebook: {
    title: '在线翻译',
    intro: '点按一句话，可全屏显示给对方看。内容保存在手机上，没有网络也能用。',
    searchPlaceholder: '搜索，如“护照”“医院”“police”',
    all: '全部',
    /** The categories' 简体 names are the domain's (also search keywords there). */
    categories: phraseCategoryLabels,
    empty: '没有找到相关句子，换个说法试试',
    show: '出示',
    showHint: '点按任意处返回',
    /** Shown to someone abroad: the local language's word stays beside ours. */
    addressLabel: '地址 Address',
    phoneLabel: '电话 Phone',
    shareTitle: '在线翻译：领事求助常用语',
  },
} as const;

export type InfoText = Widen<typeof zhCN>;

/** This subpackage's sentences in the current language. */
export const text = localized<InfoText>({ 'zh-CN': zhCN, 'zh-Hant': zhHant, en });
