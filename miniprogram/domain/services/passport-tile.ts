import type { ServiceTile } from './service-tiles';

export const passportTile: ServiceTile = { service: 'passport', icon: 'book', title: '护照旅行证', elderHomeRank: 2 };
