import type { Mission } from '../../miniprogram/domain/api-types';

export const NEW_YORK: Mission = {
  id: 'us-newyork',
  kind: 'consulate_general',
  nameZh: '中华人民共和国驻纽约总领事馆',
  nameEn: 'Consulate General of the PRC in New York',
  countryCode: 'US',
  countryZh: '美国',
  cityZh: '纽约',
  cityEn: 'New York',
  addressZh: '520 12th Avenue, New York, NY 10036',
  addressEn: '520 12th Avenue, New York, NY 10036',
  phone: '+1-212-244-9392',
  hoursZh: '周一至周五 9:00-12:00, 13:30-17:00',
  timezone: 'America/New_York',
  districtZh: ['纽约州', '新泽西州'],
};
