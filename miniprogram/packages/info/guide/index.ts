import { fetchGuide } from '../../../api/info';
import { ApiError } from '../../../api/request';
import type { Mission } from '../../../domain/api-types';
import type { ArticleBlock } from '../../../domain/article-blocks';
import { dialable } from '../../../domain/hotline';
import type { DestinationGuide, EmergencyNumber } from '../../../domain/info-api-types';
import { localizedData } from '../../../locale/localized-page';
import { t } from '../../../locale/text';
import { ROUTES } from '../../../routes';
import { sessionStore } from '../../../stores/session-store';
import { formatDate } from '../../../utils/format';
import { GUIDE_SECTIONS, GuideSection } from '../domain/destination-guides';
import { freshOrSaved } from '../offline';
import { fill, text } from '../text';
import { elderModeBehavior } from '../../../behaviors/elder-mode';

interface SectionView {
  key: GuideSection;
  title: string;
  blocks: ArticleBlock[];
  numbers: Array<EmergencyNumber & { callLabel: string }>;
  missions: Array<Pick<Mission, 'id' | 'nameZh' | 'addressZh' | 'phone' | 'hoursZh'>>;
  empty: boolean;
}

function toSections(guide: DestinationGuide): SectionView[] {
  return GUIDE_SECTIONS.map((key) => {
    const numbers =
      key === 'emergency_numbers'
        ? guide.emergencyNumbers.map((n) => ({ ...n, callLabel: fill(text.guide.callNumber, { label: n.labelZh, number: n.number }) }))
        : [];
    const missions =
      key === 'mission_contacts'
        ? guide.missions.map(({ id, nameZh, addressZh, phone, hoursZh }) => ({ id, nameZh, addressZh, phone, hoursZh }))
        : [];
    const blocks = guide.sections[key] ?? [];
    return { key, title: text.guide.sections[key], blocks, numbers, missions, empty: blocks.length + numbers.length + missions.length === 0 };
  });
}

/** 出行指南: a country's entry rules, safety, transport, healthcare, emergency numbers and mission contacts. */
Component({
  behaviors: [elderModeBehavior, localizedData(() => ({ text: { ...text }, loadingText: t.loading }))],
  data: {
    country: '',
    countryName: '',
    updatedAt: '',
    sections: [] as SectionView[],
    loading: false,
    failure: '' as '' | 'not_found' | 'network',
    offlineNote: '',
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const country = (query.country || sessionStore.mission?.countryCode || '').toUpperCase();
      this.setData({ country });
      // The page JSON's title is 简体; the country's guide names itself once it loads.
      wx.setNavigationBarTitle({ title: text.guide.title });
      return country ? this.load() : undefined;
    },
    onShow() {
      const mission = sessionStore.mission;
      if (!this.data.country && mission) {
        this.setData({ country: mission.countryCode });
        void this.load();
      }
    },
    async onPullDownRefresh() {
      if (this.data.country) await this.load();
      wx.stopPullDownRefresh();
    },
    async load() {
      const { country } = this.data;
      this.setData({ loading: true, failure: '' });
      try {
        const { data, note } = await freshOrSaved(`guide:${country}`, () => fetchGuide(country));
        this.setData({
          loading: false,
          offlineNote: note,
          countryName: data.countryZh,
          updatedAt: data.updatedAt ? fill(text.guide.updatedAt, { date: formatDate(data.updatedAt) }) : '',
          sections: toSections(data),
        });
        wx.setNavigationBarTitle({ title: fill(text.guide.shareTitle, { country: data.countryZh }) });
      } catch (error) {
        this.setData({ loading: false, failure: error instanceof ApiError && error.status === 404 ? 'not_found' : 'network' });
      }
    },
    call(event: WechatMiniprogram.CustomEvent<WechatMiniprogram.IAnyObject, WechatMiniprogram.IAnyObject, { number: string }>) {
      wx.makePhoneCall({ phoneNumber: dialable(event.currentTarget.dataset.number) });
    },
    chooseMission() {
      wx.navigateTo({ url: ROUTES.missionPicker });
    },
    onShareAppMessage() {
      const { country, countryName } = this.data;
      return {
        title: countryName ? fill(text.guide.shareTitle, { country: countryName }) : text.guide.title,
        path: country ? `${ROUTES.infoGuide}?country=${country}` : ROUTES.infoGuide,
      };
    },
  },
});
