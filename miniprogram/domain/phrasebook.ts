/**
 * 在线翻译 phrasebook: consular and emergency phrases in Chinese with the local languages
 * of the missions' countries. Pure data in the package so it works offline; the page
 * shows a phrase full-screen to hand the phone to someone.
 */
export type PhraseLanguage = 'en' | 'fr';

/** Local languages by mission country; Canada is bilingual. Other countries fall back to English. */
export const localLanguagesByCountry: Record<string, PhraseLanguage[]> = {
  US: ['en'],
  GB: ['en'],
  CA: ['en', 'fr'],
};

export function localLanguages(countryCode: string | null | undefined): PhraseLanguage[] {
  return (countryCode && localLanguagesByCountry[countryCode.toUpperCase()]) || ['en'];
}

export type PhraseCategory = 'lost_passport' | 'police' | 'hospital' | 'embassy' | 'emergency' | 'transport';

export const phraseCategoryLabels: Record<PhraseCategory, string> = {
  lost_passport: '护照遗失',
  police: '报警求助',
  hospital: '看病就医',
  embassy: '联系使领馆',
  emergency: '紧急情况',
  transport: '交通出行',
};

export const PHRASE_CATEGORIES = Object.keys(phraseCategoryLabels) as PhraseCategory[];

export interface Phrase {
  id: string;
  category: PhraseCategory;
  zh: string;
  translations: Record<PhraseLanguage, string>;
  /** Extra words people search with that the sentence itself does not contain. */
  keywords?: string[];
  /** The page appends the citizen's mission's address or phone to this phrase. */
  slot?: 'missionAddress' | 'missionPhone';
}

const phrase = (
  id: string,
  category: PhraseCategory,
  zh: string,
  en: string,
  fr: string,
  extra: Pick<Phrase, 'keywords' | 'slot'> = {},
): Phrase => ({ id, category, zh, translations: { en, fr }, ...extra });

export const PHRASES: Phrase[] = [
  // 护照遗失
  phrase('passport-lost', 'lost_passport', '我的护照丢了。', 'I have lost my passport.', "J'ai perdu mon passeport.", { keywords: ['遗失', '丢失', '证件'] }),
  phrase('passport-stolen', 'lost_passport', '我的护照被偷了。', 'My passport has been stolen.', 'On m’a volé mon passeport.', { keywords: ['被盗', '小偷', 'theft'] }),
  phrase('passport-police-report', 'lost_passport', '我需要报失护照，请给我开一份报案证明。', 'I need to report my lost passport. Could you give me a police report?', 'Je dois déclarer la perte de mon passeport. Pouvez-vous me remettre un récépissé de déclaration ?', { keywords: ['报案回执', '挂失'] }),
  phrase('passport-travel-document', 'lost_passport', '我需要办理旅行证回国。', 'I need an emergency travel document to return to China.', "J'ai besoin d'un document de voyage d'urgence pour rentrer en Chine.", { keywords: ['旅行证', '回国', '补办'] }),
  phrase('wallet-and-id-lost', 'lost_passport', '我的钱包和证件都丢了。', 'I have lost my wallet and my ID documents.', "J'ai perdu mon portefeuille et mes papiers d'identité.", { keywords: ['钱包', '身份证'] }),
  phrase('passport-photo', 'lost_passport', '哪里可以拍证件照？', 'Where can I have a passport photo taken?', "Où puis-je faire des photos d'identité ?", { keywords: ['照片', '拍照'] }),

  // 报警求助
  phrase('call-police', 'police', '请帮我报警。', 'Please call the police for me.', 'Appelez la police, s’il vous plaît.', { keywords: ['警察', '911', '999'] }),
  phrase('robbed', 'police', '我被抢劫了。', 'I have been robbed.', 'Je viens de me faire agresser et voler.', { keywords: ['抢劫', '抢', '偷'] }),
  phrase('report-crime', 'police', '我要报案。', 'I want to report a crime.', 'Je veux porter plainte.', { keywords: ['警察局', '报警'] }),
  phrase('need-interpreter', 'police', '我需要一名中文翻译。', 'I need a Chinese interpreter.', "J'ai besoin d'un interprète en chinois.", { keywords: ['翻译', '中文', 'mandarin'] }),
  phrase('no-local-language', 'police', '我不会说这里的语言，请联系中国使领馆。', 'I do not speak English. Please contact the Chinese embassy or consulate.', 'Je ne parle pas français. Veuillez contacter l’ambassade ou le consulat de Chine.', { keywords: ['语言', '听不懂', '英语', '法语'] }),
  phrase('consular-notification', 'police', '我是中国公民，我有权联系中国使领馆。', 'I am a Chinese citizen. I have the right to contact the Chinese embassy or consulate.', "Je suis citoyen chinois. J'ai le droit de contacter l'ambassade ou le consulat de Chine.", { keywords: ['拘留', '逮捕', '领事探视', 'arrest'] }),
  phrase('being-followed', 'police', '有人在跟踪我。', 'Someone is following me.', 'Quelqu’un me suit.', { keywords: ['跟踪', '危险'] }),

  // 看病就医
  phrase('take-me-to-hospital', 'hospital', '请送我去医院。', 'Please take me to a hospital.', "Emmenez-moi à l'hôpital, s'il vous plaît.", { keywords: ['看病', '医生'] }),
  phrase('injured', 'hospital', '我受伤了。', 'I am injured.', 'Je suis blessé(e).', { keywords: ['伤', '流血'] }),
  phrase('it-hurts-here', 'hospital', '我这里疼。', 'It hurts here.', "J'ai mal ici.", { keywords: ['疼痛', '痛'] }),
  phrase('allergy-penicillin', 'hospital', '我对青霉素过敏。', 'I am allergic to penicillin.', 'Je suis allergique à la pénicilline.', { keywords: ['过敏', '药物'] }),
  phrase('diabetes', 'hospital', '我有糖尿病。', 'I have diabetes.', 'Je suis diabétique.', { keywords: ['胰岛素', '慢性病'] }),
  phrase('pregnant', 'hospital', '我怀孕了。', 'I am pregnant.', 'Je suis enceinte.', { keywords: ['孕妇'] }),
  phrase('nearest-pharmacy', 'hospital', '最近的药店在哪里？', 'Where is the nearest pharmacy?', 'Où est la pharmacie la plus proche ?', { keywords: ['买药', '药房'] }),
  phrase('travel-insurance', 'hospital', '我有旅行医疗保险。', 'I have travel medical insurance.', "J'ai une assurance maladie voyage.", { keywords: ['保险', '费用'] }),

  // 联系使领馆
  phrase('take-me-to-mission', 'embassy', '请带我去中华人民共和国大使馆（总领事馆）。', 'Please take me to the Embassy (Consulate General) of the People’s Republic of China.', "Emmenez-moi à l'ambassade (au consulat général) de la République populaire de Chine, s'il vous plaît.", { keywords: ['大使馆', '领事馆', '使馆', '地址'], slot: 'missionAddress' }),
  phrase('mission-address', 'embassy', '这是中国使领馆的地址。', 'This is the address of the Chinese embassy or consulate.', "Voici l'adresse de l'ambassade ou du consulat de Chine.", { keywords: ['地址', '大使馆', '领事馆'], slot: 'missionAddress' }),
  phrase('call-mission', 'embassy', '请帮我给中国使领馆打电话。', 'Please help me call the Chinese embassy or consulate.', "Pouvez-vous m'aider à appeler l'ambassade ou le consulat de Chine ?", { keywords: ['电话', '大使馆', '领事馆'], slot: 'missionPhone' }),
  phrase('hotline-12308', 'embassy', '中国外交部全球领事保护与服务应急热线是 +86-10-12308。', 'The Chinese consular protection hotline is +86 10 12308.', "La ligne d'urgence consulaire chinoise est le +86 10 12308.", { keywords: ['12308', '热线', '领事保护'] }),

  // 紧急情况
  phrase('help', 'emergency', '救命！', 'Help!', 'Au secours !', { keywords: ['求救', 'SOS'] }),
  phrase('call-ambulance', 'emergency', '请叫救护车。', 'Please call an ambulance.', 'Appelez une ambulance, s’il vous plaît.', { keywords: ['急救', '911', '999'] }),
  phrase('fire', 'emergency', '着火了！', 'Fire!', 'Au feu !', { keywords: ['火灾', '消防'] }),
  phrase('traffic-accident', 'emergency', '发生了交通事故。', 'There has been a traffic accident.', 'Il y a eu un accident de la route.', { keywords: ['车祸', '撞车'] }),
  phrase('lost-child', 'emergency', '我找不到我的孩子了。', 'I can’t find my child.', 'Je ne trouve plus mon enfant.', { keywords: ['孩子', '走失'] }),
  phrase('contact-family', 'emergency', '请帮我联系我的家人。', 'Please help me contact my family.', "Aidez-moi à contacter ma famille, s'il vous plaît.", { keywords: ['家人', '亲属'] }),
  phrase('i-am-lost', 'emergency', '我迷路了。', 'I am lost.', 'Je suis perdu(e).', { keywords: ['迷路', '找不到路'] }),

  // 交通出行
  phrase('take-me-to-address', 'transport', '请带我去这个地址。', 'Please take me to this address.', "Emmenez-moi à cette adresse, s'il vous plaît.", { keywords: ['出租车', '打车', 'taxi'] }),
  phrase('nearest-subway', 'transport', '最近的地铁站在哪里？', 'Where is the nearest subway station?', 'Où est la station de métro la plus proche ?', { keywords: ['地铁', 'metro', 'underground'] }),
  phrase('missed-flight', 'transport', '我错过了航班。', 'I missed my flight.', "J'ai raté mon vol.", { keywords: ['航班', '飞机', '机场'] }),
  phrase('lost-luggage', 'transport', '我的行李丢了。', 'My luggage is lost.', 'Mes bagages ont été perdus.', { keywords: ['行李', '托运'] }),
  phrase('fare-to-airport', 'transport', '去机场多少钱？', 'How much is it to the airport?', "Combien coûte le trajet jusqu'à l'aéroport ?", { keywords: ['机场', '价格', '费用'] }),
  phrase('drive-slower', 'transport', '请开慢一点。', 'Please drive more slowly.', 'Conduisez plus lentement, s’il vous plaît.', { keywords: ['司机', '慢'] }),
];

/** Lower case, half-width, without accents and punctuation, so "HOPITAL" finds "hôpital". */
export function normalizeForSearch(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’'`]/g, "'")
    .replace(/[.,!?;:()（）。，！？；：、“”"「」…\-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const CJK = /[\u3400-\u9fff]/;

function searchText(item: Phrase, languages: readonly PhraseLanguage[]): { zh: string; local: string; keywords: string } {
  return {
    zh: normalizeForSearch(item.zh),
    local: normalizeForSearch(languages.map((language) => item.translations[language]).join(' ')),
    keywords: normalizeForSearch([...(item.keywords ?? []), phraseCategoryLabels[item.category]].join(' ')),
  };
}

function tokenScore(token: string, text: { zh: string; local: string; keywords: string }): number {
  if (text.zh.includes(token)) return 3;
  if (text.keywords.includes(token)) return 2;
  if (text.local.split(' ').some((word) => word.startsWith(token)) || (token.length > 3 && text.local.includes(token))) return 2;
  // Chinese typed in another word order ("丢护照"): every character present still counts, lower.
  if (CJK.test(token) && token.length >= 2 && Array.from(token).every((ch) => text.zh.includes(ch) || text.keywords.includes(ch))) return 1;
  return 0;
}

export interface PhraseSearchOptions {
  category?: PhraseCategory;
  /** The languages shown (and searched) besides Chinese; default English and French. */
  languages?: readonly PhraseLanguage[];
}

/**
 * Phrases matching every word of the query in Chinese, the shown languages, keywords or
 * the category name; best matches first, the book's order among equals. An empty query
 * lists the category (or everything).
 */
export function searchPhrases(query: string, options: PhraseSearchOptions = {}): Phrase[] {
  const languages = options.languages ?? (['en', 'fr'] as const);
  const pool = options.category ? PHRASES.filter((item) => item.category === options.category) : PHRASES;
  const tokens = normalizeForSearch(query).split(' ').filter(Boolean);
  if (tokens.length === 0) return pool.slice();
  const scored: Array<{ item: Phrase; score: number; index: number }> = [];
  pool.forEach((item, index) => {
    const text = searchText(item, languages);
    let score = 0;
    for (const token of tokens) {
      const s = tokenScore(token, text);
      if (s === 0) return;
      score += s;
    }
    scored.push({ item, score, index });
  });
  return scored.sort((a, b) => b.score - a.score || a.index - b.index).map((entry) => entry.item);
}

export function findPhrase(id: string): Phrase | null {
  return PHRASES.find((item) => item.id === id) ?? null;
}
