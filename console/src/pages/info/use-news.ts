/** News in the console: the mission's articles in every state, and the editor (markup ↔ blocks). */
import { computed, onMounted, reactive, ref } from 'vue';
import { toast } from '../../components/toast';
import { infoApi, type StaffNewsArticle } from '../../api/info-api';
import { ApiError } from '../../api/http';
import { articleToMarkup, parseArticleMarkup } from '../../../../miniprogram/domain/article-blocks';
import { t } from '../../locale/zh-CN';
import { formatDateTime } from '../legalization/format';

export interface NewsRow extends StaffNewsArticle {
  [key: string]: unknown;
  publishedAtText: string;
  updatedAtText: string;
}

export type PublishMode = 'none' | 'now' | 'at';

const toRow = (article: StaffNewsArticle): NewsRow => ({
  ...article,
  publishedAtText: formatDateTime(article.publishedAt),
  updatedAtText: formatDateTime(article.updatedAt),
});

export function useNews() {
  const rows = ref<NewsRow[]>([]);
  const nextCursor = ref<string | null>(null);
  const loading = ref(false);
  const errorMessage = ref('');

  const editorVisible = ref(false);
  const editing = ref<string | null>(null);
  const draft = reactive({ title: '', markup: '', pinned: false, mode: 'none' as PublishMode, publishAt: '' });
  const fieldErrors = reactive<{ title?: string; body?: string; publishAt?: string }>({});
  const editorError = ref('');
  const saving = ref(false);
  const preview = computed(() => parseArticleMarkup(draft.markup));

  async function load(more = false) {
    loading.value = true;
    errorMessage.value = '';
    try {
      const page = await infoApi.news(more ? nextCursor.value : null);
      rows.value = more ? [...rows.value, ...page.items.map(toRow)] : page.items.map(toRow);
      nextCursor.value = page.nextCursor;
    } catch (error) {
      errorMessage.value = error instanceof ApiError ? error.message : t.errors.unexpected;
    } finally {
      loading.value = false;
    }
  }

  function replace(article: StaffNewsArticle) {
    const row = toRow(article);
    const index = rows.value.findIndex((r) => r.id === row.id);
    if (index >= 0) rows.value.splice(index, 1, row);
    else rows.value.unshift(row);
  }

  function openEditor(row?: NewsRow) {
    editing.value = row?.id ?? null;
    Object.assign(draft, {
      title: row?.title ?? '',
      markup: row ? articleToMarkup(row.body) : '',
      pinned: row?.pinned ?? false,
      mode: 'none',
      publishAt: '',
    });
    editorError.value = '';
    delete fieldErrors.title;
    delete fieldErrors.body;
    delete fieldErrors.publishAt;
    editorVisible.value = true;
  }

  async function save() {
    delete fieldErrors.title;
    delete fieldErrors.body;
    delete fieldErrors.publishAt;
    editorError.value = '';
    if (draft.mode === 'at' && !draft.publishAt) {
      fieldErrors.publishAt = t.info.news.publishAtRequired;
      return;
    }
    saving.value = true;
    try {
      const body = { title: draft.title, body: preview.value, pinned: draft.pinned };
      let article = editing.value ? await infoApi.updateNews(editing.value, body) : await infoApi.createNews(body);
      editing.value = article.id;
      if (draft.mode === 'now') article = await infoApi.publishNews(article.id);
      if (draft.mode === 'at') article = await infoApi.publishNews(article.id, new Date(draft.publishAt.replace(' ', 'T')).toISOString());
      replace(article);
      editorVisible.value = false;
      const done = draft.mode === 'now' ? t.info.news.published : draft.mode === 'at' ? t.info.news.scheduled : t.info.news.saved;
      void toast.success(done);
    } catch (error) {
      if (error instanceof ApiError && error.fields) {
        fieldErrors.title = error.fields.title;
        fieldErrors.body = error.fields.body ?? Object.entries(error.fields).find(([key]) => key.startsWith('body'))?.[1];
        fieldErrors.publishAt = error.fields.publishAt;
      }
      editorError.value = error instanceof ApiError ? error.message : t.errors.unexpected;
    } finally {
      saving.value = false;
    }
  }

  async function act(action: () => Promise<StaffNewsArticle>, message?: string) {
    try {
      replace(await action());
      if (message) void toast.success(message);
    } catch (error) {
      void toast.error(error instanceof ApiError ? error.message : t.errors.unexpected);
    }
  }

  const togglePin = (row: NewsRow) => act(() => infoApi.pinNews(row.id, !row.pinned));
  const unpublish = (row: NewsRow) => act(() => infoApi.unpublishNews(row.id), t.info.news.unpublished);

  onMounted(() => load());
  return {
    rows,
    nextCursor,
    loading,
    errorMessage,
    load,
    editorVisible,
    editing,
    draft,
    fieldErrors,
    editorError,
    saving,
    preview,
    openEditor,
    save,
    togglePin,
    unpublish,
  };
}
