/**
 * Countries and regions for `country` fields (ISO 3166 alpha-2, as the engine stores them):
 * China first, then where most citizens abroad live, then the rest by pinyin. A country
 * missing here can be added without touching the engine. One list for the apply form (the
 * build copies this file into that subpackage, so the main package does not carry it) and
 * the server, which shows staff the same names.
 */
export const COUNTRIES: ReadonlyArray<{ value: string; label: string }> = [
  { value: 'CN', label: '中国' },
  { value: 'US', label: '美国' },
  { value: 'CA', label: '加拿大' },
  { value: 'GB', label: '英国' },
  { value: 'AU', label: '澳大利亚' },
  { value: 'JP', label: '日本' },
  { value: 'KR', label: '韩国' },
  { value: 'SG', label: '新加坡' },
  { value: 'DE', label: '德国' },
  { value: 'FR', label: '法国' },
  { value: 'NZ', label: '新西兰' },
  { value: 'MY', label: '马来西亚' },
  { value: 'TH', label: '泰国' },
  { value: 'IT', label: '意大利' },
  { value: 'ES', label: '西班牙' },
  { value: 'RU', label: '俄罗斯' },
  { value: 'AE', label: '阿联酋' },
  { value: 'AR', label: '阿根廷' },
  { value: 'IE', label: '爱尔兰' },
  { value: 'EG', label: '埃及' },
  { value: 'AT', label: '奥地利' },
  { value: 'BR', label: '巴西' },
  { value: 'BE', label: '比利时' },
  { value: 'PK', label: '巴基斯坦' },
  { value: 'PL', label: '波兰' },
  { value: 'DK', label: '丹麦' },
  { value: 'PH', label: '菲律宾' },
  { value: 'FI', label: '芬兰' },
  { value: 'KZ', label: '哈萨克斯坦' },
  { value: 'NL', label: '荷兰' },
  { value: 'KH', label: '柬埔寨' },
  { value: 'CZ', label: '捷克' },
  { value: 'KE', label: '肯尼亚' },
  { value: 'LA', label: '老挝' },
  { value: 'MX', label: '墨西哥' },
  { value: 'MM', label: '缅甸' },
  { value: 'ZA', label: '南非' },
  { value: 'NG', label: '尼日利亚' },
  { value: 'NO', label: '挪威' },
  { value: 'PT', label: '葡萄牙' },
  { value: 'SE', label: '瑞典' },
  { value: 'CH', label: '瑞士' },
  { value: 'SA', label: '沙特阿拉伯' },
  { value: 'TR', label: '土耳其' },
  { value: 'GR', label: '希腊' },
  { value: 'HU', label: '匈牙利' },
  { value: 'IL', label: '以色列' },
  { value: 'IN', label: '印度' },
  { value: 'ID', label: '印度尼西亚' },
  { value: 'VN', label: '越南' },
  { value: 'CL', label: '智利' },
];

export function countryLabel(code: string): string {
  return COUNTRIES.find((c) => c.value === code.toUpperCase())?.label ?? code;
}
