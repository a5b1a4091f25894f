/**
 * In-district vs cross-district (领区内 / 跨领区), a pragmatic rule (docs/review-workflow.md):
 *
 * - Emergency travel certificates: always in-district (short-term visitors are served
 *   where they are).
 * - Residence country (answer `residenceCountry`) ≠ the mission's country → cross-district.
 * - Otherwise the address abroad (answer `addressAbroad`) is matched against every
 *   mission's district names in that country: Chinese names as substrings, English names
 *   case-insensitively, US/Canadian postal abbreviations only when followed by a ZIP /
 *   postal code ("NY 10036", "ON K1A 0B1"); California splits by ZIP (900–935 south).
 *   Names this mission's district → in; names only another mission's → cross; names
 *   none (unrecognisable address) → in (the reviewer decides; never pushed back).
 */

/** Chinese district name → English names and postal abbreviations. */
const ALIASES: Record<string, { names: string[]; abbr?: string[] }> = {
  哥伦比亚特区: { names: ['District of Columbia', 'Washington, DC', 'Washington DC', 'Washington, D.C.'], abbr: ['DC'] },
  特拉华: { names: ['Delaware'], abbr: ['DE'] },
  爱达荷: { names: ['Idaho'], abbr: ['ID'] },
  肯塔基: { names: ['Kentucky'], abbr: ['KY'] },
  马里兰: { names: ['Maryland'], abbr: ['MD'] },
  蒙大拿: { names: ['Montana'], abbr: ['MT'] },
  内布拉斯加: { names: ['Nebraska'], abbr: ['NE'] },
  北卡罗来纳: { names: ['North Carolina'], abbr: ['NC'] },
  北达科他: { names: ['North Dakota'], abbr: ['ND'] },
  南卡罗来纳: { names: ['South Carolina'], abbr: ['SC'] },
  南达科他: { names: ['South Dakota'], abbr: ['SD'] },
  田纳西: { names: ['Tennessee'], abbr: ['TN'] },
  犹他: { names: ['Utah'], abbr: ['UT'] },
  弗吉尼亚: { names: ['Virginia'], abbr: ['VA'] },
  西弗吉尼亚: { names: ['West Virginia'], abbr: ['WV'] },
  怀俄明: { names: ['Wyoming'], abbr: ['WY'] },
  得克萨斯: { names: ['Texas'], abbr: ['TX'] },
  路易斯安那: { names: ['Louisiana'], abbr: ['LA'] },
  俄克拉何马: { names: ['Oklahoma'], abbr: ['OK'] },
  阿肯色: { names: ['Arkansas'], abbr: ['AR'] },
  密西西比: { names: ['Mississippi'], abbr: ['MS'] },
  亚拉巴马: { names: ['Alabama'], abbr: ['AL'] },
  佐治亚: { names: ['Georgia'], abbr: ['GA'] },
  佛罗里达: { names: ['Florida'], abbr: ['FL'] },
  波多黎各: { names: ['Puerto Rico'], abbr: ['PR'] },
  纽约: { names: ['New York'], abbr: ['NY'] },
  新泽西: { names: ['New Jersey'], abbr: ['NJ'] },
  康涅狄格: { names: ['Connecticut'], abbr: ['CT'] },
  马萨诸塞: { names: ['Massachusetts'], abbr: ['MA'] },
  宾夕法尼亚: { names: ['Pennsylvania'], abbr: ['PA'] },
  俄亥俄: { names: ['Ohio'], abbr: ['OH'] },
  缅因: { names: ['Maine'], abbr: ['ME'] },
  新罕布什尔: { names: ['New Hampshire'], abbr: ['NH'] },
  罗得岛: { names: ['Rhode Island'], abbr: ['RI'] },
  佛蒙特: { names: ['Vermont'], abbr: ['VT'] },
  伊利诺伊: { names: ['Illinois'], abbr: ['IL'] },
  印第安纳: { names: ['Indiana'], abbr: ['IN'] },
  艾奥瓦: { names: ['Iowa'], abbr: ['IA'] },
  密歇根: { names: ['Michigan'], abbr: ['MI'] },
  明尼苏达: { names: ['Minnesota'], abbr: ['MN'] },
  密苏里: { names: ['Missouri'], abbr: ['MO'] },
  威斯康星: { names: ['Wisconsin'], abbr: ['WI'] },
  科罗拉多: { names: ['Colorado'], abbr: ['CO'] },
  堪萨斯: { names: ['Kansas'], abbr: ['KS'] },
  内华达: { names: ['Nevada'], abbr: ['NV'] },
  俄勒冈: { names: ['Oregon'], abbr: ['OR'] },
  华盛顿州: { names: ['Washington State'], abbr: ['WA'] },
  阿拉斯加: { names: ['Alaska'], abbr: ['AK'] },
  亚利桑那: { names: ['Arizona'], abbr: ['AZ'] },
  新墨西哥: { names: ['New Mexico'], abbr: ['NM'] },
  夏威夷: { names: ['Hawaii'], abbr: ['HI'] },
  魁北克: { names: ['Quebec', 'Québec'], abbr: ['QC'] },
  新不伦瑞克: { names: ['New Brunswick'], abbr: ['NB'] },
  新斯科舍: { names: ['Nova Scotia'], abbr: ['NS'] },
  爱德华王子岛: { names: ['Prince Edward Island'], abbr: ['PE'] },
  纽芬兰与拉布拉多: { names: ['Newfoundland', 'Labrador'], abbr: ['NL'] },
  努纳武特: { names: ['Nunavut'], abbr: ['NU'] },
  曼尼托巴: { names: ['Manitoba'], abbr: ['MB'] },
  不列颠哥伦比亚: { names: ['British Columbia'], abbr: ['BC'] },
  育空: { names: ['Yukon'], abbr: ['YT'] },
  英格兰: { names: ['England'] },
  威尔士: { names: ['Wales'] },
  北爱尔兰: { names: ['Northern Ireland'] },
};

export interface DistrictMission {
  id: string;
  country_code: string;
  district_zh: string[];
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whether an address names a district (Chinese or English name, abbreviation + postal code). */
export function addressNamesDistrict(address: string, districtZh: string): boolean {
  // Chinese names carry notes in brackets ("安大略（渥太华地区除外）"): match the name before them.
  const base = districtZh.replace(/[（(].*$/, '').replace(/(东部|西部)$/, '');
  if (base && address.includes(base)) return true;
  if (base === '北加利福尼亚' || base === '南加利福尼亚') {
    const zip = /\bCA\s+(\d{5})\b/.exec(address) ?? /(?:California|加利福尼亚|加州)\D{0,6}(\d{5})\b/i.exec(address);
    if (!zip) return false;
    const south = Number(zip[1].slice(0, 3)) <= 935;
    return base === '南加利福尼亚' ? south : !south;
  }
  if (base === '安大略') {
    if (!/\b(Ontario|ON)\b/.test(address) && !address.includes('安大略')) return false;
    // Ottawa region (postal codes K1–K2, K4) belongs to the embassy's "安大略东部".
    const ottawa = /\bK[124][A-Z]\s?\d[A-Z]\d\b/i.test(address) || /Ottawa|渥太华/i.test(address);
    return districtZh.includes('除外') ? !ottawa : ottawa;
  }
  const alias = ALIASES[base] ?? ALIASES[districtZh];
  if (!alias) return false;
  const lower = address.toLowerCase();
  if (alias.names.some((name) => new RegExp(`\\b${escape(name.toLowerCase())}\\b`).test(lower))) return true;
  return (alias.abbr ?? []).some((abbr) => new RegExp(`\\b${abbr}\\s+(\\d{5}|[A-Z]\\d[A-Z]\\s?\\d[A-Z]\\d)\\b`).test(address));
}

/** In-district (true) or cross-district (false) for an application at `mission`. */
export function isInDistrict(
  mission: DistrictMission,
  sameCountryMissions: readonly DistrictMission[],
  input: { district: 'residence' | 'any'; residenceCountry?: unknown; addressAbroad?: unknown },
): boolean {
  // The service's rule: some serve the citizen wherever they are (emergency travel, pension).
  if (input.district === 'any') return true;
  if (typeof input.residenceCountry === 'string' && input.residenceCountry && input.residenceCountry !== mission.country_code) return false;
  const address = typeof input.addressAbroad === 'string' ? input.addressAbroad : '';
  if (!address) return true;
  if (mission.district_zh.some((d) => addressNamesDistrict(address, d))) {
    // "Washington" alone also matches the state's English name; DC wins for the embassy.
    return true;
  }
  const other = sameCountryMissions.some((m) => m.id !== mission.id && m.country_code === mission.country_code && m.district_zh.some((d) => addressNamesDistrict(address, d)));
  return !other;
}
