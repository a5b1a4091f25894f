import { fetchNews } from '../../../api/info';
import type { NewsSummary } from '../../../domain/info-api-types';
import { listLoad } from '../../../behaviors/list-load';
import { localizedData } from '../../../locale/localized-page';
import { t } from '../../../locale/text';
import { ROUTES } from '../../../routes';
import { sessionStore } from '../../../stores/session-store';
import { formatDate } from '../../../utils/format';
import { freshOrSaved } from '../offline';
import { fill, text } from '../text';
import { elderModeBehavior } from '../../../behaviors/elder-mode';

interface NewsRow {
  id: string;
  title: string;
  excerpt: string;
  date: string;
  pinned: boolean;
}

const toRow = (item: NewsSummary): NewsRow => ({
  id: item.id,
  title: item.title,
  excerpt: item.excerpt,
  date: formatDate(item.publishedAt),
  pinned: item.pinned,
});

/**
 * 新闻公告: the mission's published articles, pinned first, newest next; more load at the
 * bottom (keyset cursor). The first page is kept for reading offline.
 */
Component({
  behaviors: [elderModeBehavior, localizedData(() => ({ text: { ...text }, loadingText: t.loading }), () => text.news.title)],
  data: {
    ...listLoad.data,
    missionId: '',
    missionName: '',
    rows: [] as NewsRow[],
    nextCursor: null as string | null,
    loadingMore: false,
    offlineNote: '',
  },
  methods: {
    ...listLoad.methods,
    onLoad(query: Record<string, string | undefined>) {
      const mission = sessionStore.mission;
      const missionId = query.missionId || mission?.id || '';
      this.setData({ missionId, missionName: mission && mission.id === missionId ? mission.nameZh : '' });
      return missionId ? this.load() : undefined;
    },
    onShow() {
      // Back from the mission picker: the list follows the newly chosen mission.
      const mission = sessionStore.mission;
      if (!this.data.missionId && mission) {
        this.setData({ missionId: mission.id, missionName: mission.nameZh });
        void this.load();
      }
    },
    onReachBottom() {
      return this.loadMore();
    },
    /** listLoad's fetch: the first page (or the copy kept for offline reading, said so). */
    async fetchList() {
      const { missionId } = this.data;
      if (!missionId) return;
      const { data, note } = await freshOrSaved(`news:${missionId}`, () => fetchNews(missionId));
      this.setData({ rows: data.items.map(toRow), nextCursor: note ? null : data.nextCursor, offlineNote: note });
    },
    async loadMore() {
      const { missionId, nextCursor, loadingMore } = this.data;
      if (!nextCursor || loadingMore) return;
      this.setData({ loadingMore: true });
      try {
        const page = await fetchNews(missionId, nextCursor);
        this.setData({ loadingMore: false, rows: [...this.data.rows, ...page.items.map(toRow)], nextCursor: page.nextCursor });
      } catch {
        this.setData({ loadingMore: false });
      }
    },
    open(event: WechatMiniprogram.CustomEvent<WechatMiniprogram.IAnyObject, WechatMiniprogram.IAnyObject, { id: string }>) {
      wx.navigateTo({ url: `${ROUTES.infoArticle}?id=${event.currentTarget.dataset.id}` });
    },
    chooseMission() {
      wx.navigateTo({ url: ROUTES.missionPicker });
    },
    onShareAppMessage() {
      const { missionId, missionName } = this.data;
      return {
        title: missionName ? fill(text.news.shareTitle, { mission: missionName }) : text.news.title,
        path: missionId ? `${ROUTES.infoNews}?missionId=${missionId}` : ROUTES.infoNews,
      };
    },
  },
});
