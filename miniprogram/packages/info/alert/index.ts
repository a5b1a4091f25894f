import { fetchAlerts } from '../../../api/info';
import { t } from '../../../locale/text';
import { ROUTES } from '../../../routes';
import { AlertRow, toAlertRow } from '../alert-rows';
import { freshOrSaved } from '../offline';
import { text } from '../text';
import { elderModeBehavior } from '../../../behaviors/elder-mode';

/** One travel-safety alert in full: level in words and icon, dates, the whole text. */
Component({
  behaviors: [elderModeBehavior],
  data: {
    text,
    loadingText: t.loading,
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
      return { title: alert ? `${alert.label}：${alert.title}` : text.alerts.shareTitle, path: `${ROUTES.infoAlert}?id=${id}&country=${country}` };
    },
  },
});
