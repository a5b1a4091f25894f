import { fetchArticle } from '../../../api/info';
import { ApiError } from '../../../api/request';
import type { NewsArticle } from '../../../domain/info-api-types';
import { localizedData } from '../../../locale/localized-page';
import { t } from '../../../locale/text';
import { ROUTES } from '../../../routes';
import { formatDate } from '../../../utils/format';
import { freshOrSaved } from '../offline';
import { fill, text } from '../text';
import { elderModeBehavior } from '../../../behaviors/elder-mode';

/** One article: its title in the navigation bar and the share card, its blocks rendered natively. */
Component({
  behaviors: [elderModeBehavior, localizedData(() => ({ text: { ...text }, loadingText: t.loading }))],
  data: {
    id: '',
    article: null as NewsArticle | null,
    date: '',
    loading: true,
    failure: '' as '' | 'not_found' | 'network',
    offlineNote: '',
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ id: query.id ?? '' });
      // The page JSON's title is 简体; the article's own title replaces this once it loads.
      wx.setNavigationBarTitle({ title: text.news.title });
      return this.load();
    },
    async load() {
      const { id } = this.data;
      this.setData({ loading: true, failure: '' });
      try {
        const { data, note } = await freshOrSaved(`article:${id}`, () => fetchArticle(id));
        this.setData({
          loading: false,
          article: data,
          date: fill(text.article.publishedAt, { date: formatDate(data.publishedAt) }),
          offlineNote: note,
        });
        wx.setNavigationBarTitle({ title: data.title });
      } catch (error) {
        const notFound = error instanceof ApiError && (error.status === 404 || error.status === 400);
        this.setData({ loading: false, failure: notFound ? 'not_found' : 'network' });
      }
    },
    onShareAppMessage() {
      const { article, id } = this.data;
      return { title: article?.title ?? text.news.title, path: `${ROUTES.infoArticle}?id=${id}` };
    },
  },
});
