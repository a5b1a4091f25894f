import type { ServiceTile } from './service-tiles';

export const pensionTile: ServiceTile = { service: 'pension', icon: 'money', title: '养老金资格认证', titles: { 'zh-Hant': '養老金資格認證', en: 'Pension eligibility certification' }, elderHomeRank: 1 };
