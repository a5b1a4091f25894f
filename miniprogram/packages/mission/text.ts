import { t as main } from '../../locale/text';
import { extended, type Widen } from '../../locale/language';
import { en } from './text-en';
import { zhHant } from './text-zh-Hant';

/**
 * What 选择使领馆 says, in 简体中文 (the source language: text-en.ts and text-zh-Hant.ts have exactly these keys
 * and placeholders). Kept in the subpackage so the main package does not carry it.
 */
const zhCN = {
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
} as const;

export type MissionText = Widen<typeof zhCN>;

/** The main package's sentences plus this subpackage's, in the current language. */
export const t = extended(main, { 'zh-CN': zhCN as MissionText, 'zh-Hant': zhHant, en });

export { fill } from '../../locale/language';
