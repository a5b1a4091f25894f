import { fetchAlerts } from '../../../api/info';
import { localizedData } from '../../../locale/localized-page';
import { t } from '../../../locale/text';
import { ROUTES } from '../../../routes';
import { AlertRow, toAlertRow } from '../alert-rows';
import { freshOrSaved } from '../offline';
import { fill, text } from '../text';
import { elderModeBehavior } from '../../../behaviors/elder-mode';

/** One travel-safety alert in full: level in words and icon, dates, the whole text. */
Component({
  behaviors: [elderModeBehavior, localizedData(() => ({ text: { ...text }, loadingText: t.loading }))],
  data: {
    id: '',
    country: '',
    alert: null as AlertRow | null,
    loading: true,
    failure: '' as '' | 'not_found' | 'network',
    offlineNote: '',
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ id: query.id ?? '', country: (query.country ?? '').toUpperCase() });
      // The page JSON's title is 简体; the alert's own title replaces this once it loads.
      wx.setNavigationBarTitle({ title: text.alerts.title });
      return this.load();
    },
    async load() {
      const { id, country } = this.data;
      this.setData({ loading: true, failure: '' });
      try {
        const { data, note } = await freshOrSaved(`alerts:${country}`, () => fetchAlerts(country || undefined));
        const found = data.find((alert) => alert.id === id);
        if (!found) {
          this.setData({ loading: false, failure: 'not_found' });
          return;
        }
        this.setData({ loading: false, alert: toAlertRow(found), offlineNote: note });
        wx.setNavigationBarTitle({ title: found.title });
      } catch {
        this.setData({ loading: false, failure: 'network' });
      }
    },
    onShareAppMessage() {
      const { alert, id, country } = this.data;
      return { title: alert ? fill(text.alert.shareTitle, { level: alert.label, title: alert.title }) : text.alerts.shareTitle, path: `${ROUTES.infoAlert}?id=${id}&country=${country}` };
    },
  },
});
