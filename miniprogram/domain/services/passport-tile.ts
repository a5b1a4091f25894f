import type { ServiceTile } from './service-tiles';

export const passportTile: ServiceTile = { service: 'passport', icon: 'book', title: '护照旅行证', titles: { 'zh-Hant': '護照旅行證', en: 'Passport and travel document' }, elderHomeRank: 2 };
