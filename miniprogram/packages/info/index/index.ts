import { ROUTES } from '../../../routes';
import { localizedData } from '../../../locale/localized-page';
import { text } from '../text';
import { elderModeBehavior } from '../../../behaviors/elder-mode';

const entries = () => [
  { id: 'news', title: text.hub.news, description: text.hub.newsDesc, icon: 'notification', url: ROUTES.infoNews },
  { id: 'alerts', title: text.hub.alerts, description: text.hub.alertsDesc, icon: 'secured', url: ROUTES.infoAlerts },
  { id: 'guide', title: text.hub.guide, description: text.hub.guideDesc, icon: 'earth', url: ROUTES.infoGuide },
  { id: 'phrasebook', title: text.hub.phrasebook, description: text.hub.phrasebookDesc, icon: 'translate', url: ROUTES.infoPhrasebook },
];

/** 领事资讯: the four kinds of consular information. Public and indexable. */
Component({
  behaviors: [elderModeBehavior, localizedData(() => ({ entries: entries() }), () => text.hub.title)],
  methods: {
    open(event: WechatMiniprogram.CustomEvent<WechatMiniprogram.IAnyObject, WechatMiniprogram.IAnyObject, { url: string }>) {
      wx.navigateTo({ url: event.currentTarget.dataset.url });
    },
    onShareAppMessage() {
      return { title: text.hub.shareTitle, path: ROUTES.infoHome };
    },
  },
});
