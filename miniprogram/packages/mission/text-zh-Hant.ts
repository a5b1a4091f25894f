import type { MissionText } from './text';

/** 繁體中文 (keys and placeholders exactly as the 简体中文 source). */
export const zhHant: MissionText = {
  mission: {
    title: '選擇使領館',
    searchPlaceholder: '搜尋國家、城市或使領館名稱',
    empty: '沒有找到匹配的使領館',
    saved: '已選擇{name}',
    loadFailed: '使領館列表載入失敗，請下拉重試',
    district: '領區',
    retry: '重試',
    chosen: '已選擇',
  },
};
