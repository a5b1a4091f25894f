import type { Mission } from '../../../domain/api-types';
import { localizedData } from '../../../locale/localized-page';
import { ROUTES } from '../../../routes';
import { sessionStore } from '../../../stores/session-store';
import {
  findPhrase,
  localLanguages,
  Phrase,
  PHRASE_CATEGORIES,
  PhraseCategory,
  PhraseLanguage,
  searchPhrases,
} from '../domain/phrasebook';
import { text } from '../text';
import { elderModeBehavior } from '../../../behaviors/elder-mode';

interface PhraseRow {
  id: string;
  zh: string;
  translations: Array<{ language: PhraseLanguage; text: string }>;
}

interface ShownPhrase extends PhraseRow {
  /** The mission's address or phone, for phrases that point at it. */
  extra: Array<{ label: string; lines: string[] }>;
}

const categoryTabs = () => [
  { value: '', label: text.phrasebook.all },
  ...PHRASE_CATEGORIES.map((value) => ({ value, label: text.phrasebook.categories[value] })),
];

function toRow(phrase: Phrase, languages: PhraseLanguage[]): PhraseRow {
  return {
    id: phrase.id,
    zh: phrase.zh,
    translations: languages.map((language) => ({ language, text: phrase.translations[language] })),
  };
}

function slotLines(phrase: Phrase, mission: Mission | null): ShownPhrase['extra'] {
  if (!mission || !phrase.slot) return [];
  if (phrase.slot === 'missionAddress') return [{ label: text.phrasebook.addressLabel, lines: [mission.nameEn, mission.addressEn, mission.addressZh] }];
  return [{ label: text.phrasebook.phoneLabel, lines: [mission.nameEn, mission.phone] }];
}

/** Screen settings changed for show mode, to put back afterwards. */
const savedBrightness = new WeakMap<object, number>();

/**
 * 在线翻译: emergency and consular phrases in Chinese and the local language(s) of the
 * citizen's mission country. Everything is in the package, so it works without a network.
 * Tapping a phrase shows it full screen in large type, screen kept on, to hand the phone over.
 */
Component({
  behaviors: [elderModeBehavior, localizedData(() => ({ text: { ...text }, tabs: categoryTabs() }), () => text.phrasebook.title)],
  data: {
    category: '' as PhraseCategory | '',
    query: '',
    languages: ['en'] as PhraseLanguage[],
    rows: [] as PhraseRow[],
    shown: null as ShownPhrase | null,
  },
  methods: {
    onLoad() {
      this.setData({ languages: localLanguages(sessionStore.mission?.countryCode) });
      this.refresh();
    },
    onHide() {
      this.restoreScreen();
    },
    onUnload() {
      this.restoreScreen();
    },
    refresh() {
      const { query, category, languages } = this.data;
      const found = searchPhrases(query, { category: category || undefined, languages });
      this.setData({ rows: found.map((phrase) => toRow(phrase, languages)) });
    },
    onSearch(event: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ query: event.detail.value });
      this.refresh();
    },
    chooseCategory(event: WechatMiniprogram.CustomEvent<WechatMiniprogram.IAnyObject, WechatMiniprogram.IAnyObject, { value: PhraseCategory | '' }>) {
      this.setData({ category: event.currentTarget.dataset.value });
      this.refresh();
    },
    show(event: WechatMiniprogram.CustomEvent<WechatMiniprogram.IAnyObject, WechatMiniprogram.IAnyObject, { id: string }>) {
      const phrase = findPhrase(event.currentTarget.dataset.id);
      if (!phrase) return;
      this.setData({ shown: { ...toRow(phrase, this.data.languages), extra: slotLines(phrase, sessionStore.mission) } });
      wx.setKeepScreenOn?.({ keepScreenOn: true });
      wx.getScreenBrightness?.({
        success: ({ value }) => {
          savedBrightness.set(this, value);
          wx.setScreenBrightness?.({ value: 1 });
        },
      });
    },
    hide() {
      this.setData({ shown: null });
      this.restoreScreen();
    },
    /** Keeps the list behind from scrolling while a phrase is shown. */
    noop() {},
    restoreScreen() {
      wx.setKeepScreenOn?.({ keepScreenOn: false });
      const brightness = savedBrightness.get(this);
      if (brightness !== undefined) {
        savedBrightness.delete(this);
        wx.setScreenBrightness?.({ value: brightness });
      }
    },
    onShareAppMessage() {
      return { title: text.phrasebook.shareTitle, path: ROUTES.infoPhrasebook };
    },
  },
});
