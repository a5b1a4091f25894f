import { ComponentWithStore } from 'mobx-miniprogram-bindings';
import { currentLocale } from '../../locale/language';
import { localizedPage } from '../../locale/localized-page';
import { fill, t } from '../../locale/text';
import { elderModeStore } from '../../stores/elder-mode-store';
import { toggleElderMode } from '../../utils/elder-toggle';
import { changedData } from '../../utils/set-data';
import { findSearchEntry, searchEntries } from './search-index';

/** Enough rows to see at a glance, few enough to stay on one screen in 长辈版. */
const MAX_RESULTS = 6;

interface ResultRow {
  id: string;
  title: string;
  icon: string;
  /** The 长辈版 switch: a switch with its state, not a link. */
  elder: boolean;
}

type TapEvent = WechatMiniprogram.CustomEvent<WechatMiniprogram.IAnyObject, WechatMiniprogram.IAnyObject, { id: string }>;

/**
 * 首页 search: results appear as the citizen types, one large row each; tapping one goes
 * there (a service tile's result does what the tile does: the page asks through `service`).
 * The 长辈版 result shows its state and switches it in one tap. Nothing found: say so and
 * offer 12308 (`hotline`) and the full service list (`showall`).
 */
ComponentWithStore({
  ...localizedPage(() => ({ text: t.search, elderText: t.elderMode, hotlineTitle: t.hotline.title })),
  properties: {
    /** Words to search from outside (the page's ?q= / ?elder=1). */
    query: { type: String, value: '' },
  },
  data: {
    value: '',
    results: [] as ResultRow[],
    /** The sentence shown when nothing was found ('' while the field is empty or something was). */
    emptyText: '',
  },
  storeBindings: { store: elderModeStore, fields: { elderEnabled: 'enabled' }, actions: {} },
  observers: {
    query(query: string) {
      if (query) this.run(query);
    },
  },
  pageLifetimes: {
    // Back from 我的 in another language: the results' titles follow (localizedPage renders the rest).
    show() {
      if (this.data.value) this.run(this.data.value);
    },
  },
  methods: {
    onChange(event: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.run(event.detail.value);
    },
    /** One setData per key press, with only what changed. */
    run(value: string) {
      const results: ResultRow[] = searchEntries(value)
        .slice(0, MAX_RESULTS)
        .map((entry) => ({ id: entry.id, title: entry.title(currentLocale()), icon: entry.icon, elder: entry.target.kind === 'elder' }));
      const emptyText = value.trim() && !results.length ? fill(t.search.empty, { query: value.trim() }) : '';
      const patch = changedData(this.data, { value, results, emptyText });
      if (patch) this.setData(patch);
    },
    open(event: TapEvent) {
      const entry = findSearchEntry(event.currentTarget.dataset.id);
      if (!entry) return;
      const target = entry.target;
      if (target.kind === 'elder') toggleElderMode();
      else if (target.kind === 'service') this.triggerEvent('service', { id: entry.id });
      else if (target.kind === 'tab') wx.switchTab({ url: target.url });
      else wx.navigateTo({ url: target.url });
    },
    callHotline() {
      this.triggerEvent('hotline');
    },
    /** Clears the search and lets the page bring its service grid into view. */
    showAll() {
      this.run('');
      this.triggerEvent('showall');
    },
  },
});
