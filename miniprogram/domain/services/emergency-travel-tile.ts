import type { ServiceTile } from './service-tiles';

export const emergencyTravelTile: ServiceTile = { service: 'emergency_travel', icon: 'time', title: '应急旅行证' };
