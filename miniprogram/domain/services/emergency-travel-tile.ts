import type { ServiceTile } from './service-tiles';

export const emergencyTravelTile: ServiceTile = { service: 'emergency_travel', icon: 'time', title: '应急旅行证', titles: { 'zh-Hant': '應急旅行證', en: 'Emergency Travel Document' } };
