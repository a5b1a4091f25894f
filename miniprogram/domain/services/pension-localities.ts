/**
 * Where a pension is paid: the 31 provincial-level divisions of the mainland and, in each,
 * the social insurance agency (社保经办机构) of the capital city, keyed by the 6-digit
 * administrative division code (GB/T 2260). Data, not code: add a city by adding a row
 * (its `province` must be one of the provinces). Agency names follow the agencies' public
 * names at the time of writing; verify them with 人社部 before production use.
 */
export interface PensionProvince {
  code: string;
  name: string;
}

export interface PensionAgency {
  /** Division code of the city (or municipality) the agency serves. */
  code: string;
  province: string;
  city: string;
  agency: string;
}

export const PENSION_PROVINCES: readonly PensionProvince[] = [
  { code: '11', name: '北京市' },
  { code: '12', name: '天津市' },
  { code: '13', name: '河北省' },
  { code: '14', name: '山西省' },
  { code: '15', name: '内蒙古自治区' },
  { code: '21', name: '辽宁省' },
  { code: '22', name: '吉林省' },
  { code: '23', name: '黑龙江省' },
  { code: '31', name: '上海市' },
  { code: '32', name: '江苏省' },
  { code: '33', name: '浙江省' },
  { code: '34', name: '安徽省' },
  { code: '35', name: '福建省' },
  { code: '36', name: '江西省' },
  { code: '37', name: '山东省' },
  { code: '41', name: '河南省' },
  { code: '42', name: '湖北省' },
  { code: '43', name: '湖南省' },
  { code: '44', name: '广东省' },
  { code: '45', name: '广西壮族自治区' },
  { code: '46', name: '海南省' },
  { code: '50', name: '重庆市' },
  { code: '51', name: '四川省' },
  { code: '52', name: '贵州省' },
  { code: '53', name: '云南省' },
  { code: '54', name: '西藏自治区' },
  { code: '61', name: '陕西省' },
  { code: '62', name: '甘肃省' },
  { code: '63', name: '青海省' },
  { code: '64', name: '宁夏回族自治区' },
  { code: '65', name: '新疆维吾尔自治区' },
];

export const PENSION_AGENCIES: readonly PensionAgency[] = [
  { code: '110000', province: '11', city: '北京市', agency: '北京市社会保险基金管理中心' },
  { code: '120000', province: '12', city: '天津市', agency: '天津市社会保险基金管理中心' },
  { code: '130100', province: '13', city: '石家庄市', agency: '石家庄市社会保险事业服务中心' },
  { code: '140100', province: '14', city: '太原市', agency: '太原市社会保险中心' },
  { code: '150100', province: '15', city: '呼和浩特市', agency: '呼和浩特市社会保险事业管理局' },
  { code: '210100', province: '21', city: '沈阳市', agency: '沈阳市社会保险事业服务中心' },
  { code: '220100', province: '22', city: '长春市', agency: '长春市社会保险事业管理局' },
  { code: '230100', province: '23', city: '哈尔滨市', agency: '哈尔滨市社会保险事业服务中心' },
  { code: '310000', province: '31', city: '上海市', agency: '上海市社会保险事业管理中心' },
  { code: '320100', province: '32', city: '南京市', agency: '南京市社会保险管理中心' },
  { code: '330100', province: '33', city: '杭州市', agency: '杭州市社会保险管理服务中心' },
  { code: '340100', province: '34', city: '合肥市', agency: '合肥市社会保险中心' },
  { code: '350100', province: '35', city: '福州市', agency: '福州市社会劳动保险中心' },
  { code: '360100', province: '36', city: '南昌市', agency: '南昌市社会保险中心' },
  { code: '370100', province: '37', city: '济南市', agency: '济南市社会保险事业中心' },
  { code: '410100', province: '41', city: '郑州市', agency: '郑州市社会保险中心' },
  { code: '420100', province: '42', city: '武汉市', agency: '武汉市社会保险管理中心' },
  { code: '430100', province: '43', city: '长沙市', agency: '长沙市社会保险服务中心' },
  { code: '440100', province: '44', city: '广州市', agency: '广州市社会保险基金管理中心' },
  { code: '450100', province: '45', city: '南宁市', agency: '南宁市社会保险事业局' },
  { code: '460100', province: '46', city: '海口市', agency: '海口市社会保险事业局' },
  { code: '500000', province: '50', city: '重庆市', agency: '重庆市社会保险局' },
  { code: '510100', province: '51', city: '成都市', agency: '成都市社会保险事业管理局' },
  { code: '520100', province: '52', city: '贵阳市', agency: '贵阳市社会保险事业局' },
  { code: '530100', province: '53', city: '昆明市', agency: '昆明市社会保险局' },
  { code: '540100', province: '54', city: '拉萨市', agency: '拉萨市社会保险管理中心' },
  { code: '610100', province: '61', city: '西安市', agency: '西安市社会保险基金管理中心' },
  { code: '620100', province: '62', city: '兰州市', agency: '兰州市社会保险事业管理局' },
  { code: '630100', province: '63', city: '西宁市', agency: '西宁市社会保险服务局' },
  { code: '640100', province: '64', city: '银川市', agency: '银川市社会保险事业管理局' },
  { code: '650100', province: '65', city: '乌鲁木齐市', agency: '乌鲁木齐市社会保险管理局' },
];

export function findPensionAgency(code: unknown): PensionAgency | undefined {
  return PENSION_AGENCIES.find((agency) => agency.code === code);
}
