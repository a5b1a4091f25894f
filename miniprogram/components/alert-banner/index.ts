import { alertLevelIcons, AlertLevel } from '../../domain/alert-levels';
import type { TravelAlert } from '../../domain/info-api-types';
import { fill, t } from '../../locale/text';
import { ROUTES } from '../../routes';

/**
 * A travel-safety alert in force for the citizen's country, at the top of the home page:
 * the level in words with its own icon (colour only repeats it) and the title; a tap opens
 * the alert in full.
 */
Component({
  properties: {
    alert: { type: Object, value: null as TravelAlert | null },
    /** The country's name, e.g. 美国; the alert itself carries only the code. */
    countryZh: { type: String, value: '' },
  },
  data: {
    heading: '',
    label: '',
    icon: '',
  },
  observers: {
    'alert, countryZh'(alert: TravelAlert | null, countryZh: string) {
      const level = alert?.level as AlertLevel | undefined;
      this.setData({
        heading: fill(t.alertBanner.heading, { country: countryZh }),
        label: level ? t.alertBanner.levels[level] : '',
        icon: level ? alertLevelIcons[level] : '',
      });
    },
  },
  methods: {
    open() {
      const alert = this.data.alert as TravelAlert | null;
      if (alert) wx.navigateTo({ url: `${ROUTES.infoAlert}?id=${alert.id}&country=${alert.countryCode}` });
    },
  },
});
