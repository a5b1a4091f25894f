import { fetchAlerts } from '../../../api/info';
import { fetchMissions } from '../../../api/missions';
import { mostSevereAlert } from '../../../domain/alert-levels';
import type { TravelAlert } from '../../../domain/info-api-types';
import { listLoad } from '../../../behaviors/list-load';
import { localizedData } from '../../../locale/localized-page';
import { t } from '../../../locale/text';
import { ROUTES } from '../../../routes';
import { sessionStore } from '../../../stores/session-store';
import { AlertRow, levelLegend, toAlertRow } from '../alert-rows';
import { freshOrSaved } from '../offline';
import { fill, text } from '../text';
import { elderModeBehavior } from '../../../behaviors/elder-mode';

interface AlertsCopy {
  alerts: TravelAlert[];
  /** Country names by ISO code, from the missions list. */
  countries: Record<string, string>;
}

async function loadAlerts(): Promise<AlertsCopy> {
  const [alerts, missions] = await Promise.all([fetchAlerts(), fetchMissions()]);
  const countries: Record<string, string> = {};
  for (const mission of missions) countries[mission.countryCode] = mission.countryZh;
  return { alerts, countries };
}

/** 海外安全提醒: the alerts in force for the citizen's country first, then the rest of the world. */
Component({
  behaviors: [
    elderModeBehavior,
    localizedData(() => ({ text: { ...text }, loadingText: t.loading, legend: levelLegend() }), () => text.alerts.title),
  ],
  data: {
    ...listLoad.data,
    country: '',
    countryName: '',
    mine: [] as AlertRow[],
    others: [] as AlertRow[],
    noneText: '',
    offlineNote: '',
  },
  methods: {
    ...listLoad.methods,
    onLoad(query: Record<string, string | undefined>) {
      const country = (query.country || sessionStore.mission?.countryCode || '').toUpperCase();
      this.setData({ country });
      return this.load();
    },
    /** listLoad's fetch: the alerts (or the copy kept for offline reading, said so). */
    async fetchList() {
      const { data, note } = await freshOrSaved('alerts', loadAlerts);
      const { country } = this.data;
      const countryName = data.countries[country] ?? country;
      const rows = data.alerts.map((alert) => toAlertRow(alert, data.countries));
      const mine = rows.filter((row) => row.countryCode === country);
      // The most severe of the citizen's own country leads.
      const lead = mostSevereAlert(data.alerts.filter((a) => a.countryCode === country));
      if (lead) mine.sort((a, b) => (a.id === lead.id ? -1 : b.id === lead.id ? 1 : 0));
      this.setData({
        offlineNote: note,
        countryName,
        mine,
        others: rows.filter((row) => row.countryCode !== country),
        noneText: country ? fill(text.alerts.none, { country: countryName }) : text.alerts.noneAnywhere,
      });
    },
    open(event: WechatMiniprogram.CustomEvent<WechatMiniprogram.IAnyObject, WechatMiniprogram.IAnyObject, { id: string; country: string }>) {
      const { id, country } = event.currentTarget.dataset;
      wx.navigateTo({ url: `${ROUTES.infoAlert}?id=${id}&country=${country}` });
    },
    onShareAppMessage() {
      const { country } = this.data;
      return { title: text.alerts.shareTitle, path: country ? `${ROUTES.infoAlerts}?country=${country}` : ROUTES.infoAlerts };
    },
  },
});
