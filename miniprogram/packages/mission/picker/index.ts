import Toast from 'tdesign-miniprogram/toast/index';
import { fetchMissions } from '../../../api/missions';
import type { Mission } from '../../../domain/api-types';
import { missionKindLabels, missionMatches } from '../../../domain/missions';
import { localizedData } from '../../../locale/localized-page';
import { fill, t } from '../text';
import { ROUTES } from '../../../routes';
import { sessionStore } from '../../../stores/session-store';
import { elderModeBehavior } from '../../../behaviors/elder-mode';

interface MissionRow {
  id: string;
  title: string;
  description: string;
}

/** Only what the list renders goes through setData; the full records stay here. */
const missionsByPage = new WeakMap<object, Mission[]>();

function toRow(mission: Mission): MissionRow {
  return {
    id: mission.id,
    title: mission.nameZh,
    description: `${missionKindLabels[mission.kind]} · ${mission.countryZh} ${mission.cityZh}`,
  };
}

/** 选择使领馆: a public list, searchable by country, city, mission or district name. */
Component({
  behaviors: [
    elderModeBehavior,
    localizedData(() => ({
      text: t.mission,
      loadingText: t.loading,
    }), () => t.mission.title),
  ],
  data: {
    query: '',
    rows: [] as MissionRow[],
    loading: true,
    loadFailed: false,
    chosenId: '',
  },
  methods: {
    onLoad() {
      this.setData({ chosenId: sessionStore.mission?.id ?? '' });
      return this.load();
    },
    async onPullDownRefresh() {
      await this.load();
      wx.stopPullDownRefresh();
    },
    async load() {
      this.setData({ loading: true, loadFailed: false });
      try {
        missionsByPage.set(this, await fetchMissions());
        this.setData({ loading: false });
        this.filter();
      } catch {
        this.setData({ loading: false, loadFailed: true });
      }
    },
    onSearch(event: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ query: event.detail.value });
      this.filter();
    },
    filter() {
      const missions = missionsByPage.get(this) ?? [];
      const rows = missions.filter((mission) => missionMatches(mission, this.data.query)).map(toRow);
      this.setData({ rows });
    },
    async choose(event: WechatMiniprogram.CustomEvent<WechatMiniprogram.IAnyObject, WechatMiniprogram.IAnyObject, { id: string }>) {
      const mission = (missionsByPage.get(this) ?? []).find((m) => m.id === event.currentTarget.dataset.id);
      if (!mission) return;
      try {
        await sessionStore.chooseMission(mission);
      } catch {
        // Saved on the device; the account catches up at the next login.
      }
      this.setData({ chosenId: mission.id });
      Toast({ context: this, selector: '#t-toast', message: fill(t.mission.saved, { name: mission.nameZh }), theme: 'success' });
      setTimeout(() => wx.navigateBack({ fail: () => wx.switchTab({ url: ROUTES.home }) }), 800);
    },
    onShareAppMessage() {
      return { title: t.mission.title, path: ROUTES.missionPicker };
    },
  },
});
