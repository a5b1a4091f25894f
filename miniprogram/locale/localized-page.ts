import { currentLocale, DEFAULT_LOCALE, type Locale } from './language';
import { t } from './text';

let tabBarLocale: Locale = DEFAULT_LOCALE;

/** The tab bar's text in the current language (app.json holds the 简体 one); tab pages call it on show. */
export function localizeTabBar(): void {
  const locale = currentLocale();
  if (locale === tabBarLocale) return;
  tabBarLocale = locale;
  t.tabBar.forEach((text, index) => wx.setTabBarItem({ index, text }));
}

/** Re-renders a page that uses localizedData at once (the switch in 我的), instead of on its next show. */
export function relocalizeNow(instance: object): void {
  (instance as { relocalize?: () => void }).relocalize?.();
}

type Instance = WechatMiniprogram.Component.TrivialInstance & { __textLocale?: Locale };

/**
 * A page's (or component's) sentences in its data, in the language of the moment: `build`
 * runs at definition and again whenever the language changed since this instance last
 * rendered — on attach and on every page show — so a page switches on its next show,
 * without a restart. `title`: the navigation bar's title (the page JSON holds the 简体 one).
 */
export function localizedData(build: () => WechatMiniprogram.IAnyObject, title?: () => string): string {
  const definedIn = currentLocale();
  const refresh = (self: Instance, rendered: Locale | undefined) => {
    const locale = currentLocale();
    if (rendered !== locale) {
      self.__textLocale = locale;
      self.setData(build());
    }
    if (title && (locale !== DEFAULT_LOCALE || rendered !== locale)) wx.setNavigationBarTitle({ title: title() });
  };
  return Behavior({
    data: build(),
    methods: {
      /** Re-renders at once (after the switch in 我的), instead of on the next show. */
      relocalize(this: Instance) {
        refresh(this, this.__textLocale);
      },
    },
    lifetimes: {
      attached(this: Instance) {
        this.__textLocale = definedIn;
        if (definedIn !== currentLocale()) refresh(this, definedIn);
      },
    },
    pageLifetimes: {
      show(this: Instance) {
        refresh(this, this.__textLocale);
      },
    },
  });
}

/**
 * `localizedData` as options to spread into ComponentWithStore({...}): mobx-miniprogram-bindings'
 * types leave out `behaviors`, though its runtime passes them on to Component().
 */
export function localizedPage(build: () => WechatMiniprogram.IAnyObject, title?: () => string): object {
  return { behaviors: [localizedData(build, title)] };
}
