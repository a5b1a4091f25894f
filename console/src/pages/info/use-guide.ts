/** The destination guide of the mission's country: each section as markup, plus the emergency numbers. */
import { computed, onMounted, reactive, ref } from 'vue';
import { toast } from '../../components/toast';
import { infoApi, type DestinationGuide } from '../../api/info-api';
import { ApiError } from '../../api/http';
import { articleToMarkup, parseArticleMarkup } from '../../../../miniprogram/domain/article-blocks';
import { GUIDE_SECTIONS, guideSectionTitles, GuideSection } from '../../../../miniprogram/domain/destination-guides';
import { session } from '../../stores/session';
import { t } from '../../locale/zh-CN';
import { formatDateTime } from '../legalization/format';

export const sections = GUIDE_SECTIONS.map((key) => ({ key, title: guideSectionTitles[key] }));

export function useGuide() {
  const country = computed(() => session.staff?.mission.countryCode ?? '');
  const countryZh = computed(() => session.staff?.mission.countryZh ?? '');
  const markup = reactive(Object.fromEntries(GUIDE_SECTIONS.map((key) => [key, ''])) as Record<GuideSection, string>);
  const numbers = ref<Array<{ labelZh: string; number: string }>>([]);
  const updatedAt = ref<string | null>(null);
  const loading = ref(false);
  const saving = ref(false);
  const errorMessage = ref('');

  function fill(guide: DestinationGuide | null) {
    for (const key of GUIDE_SECTIONS) markup[key] = guide ? articleToMarkup(guide.sections[key] ?? []) : '';
    numbers.value = guide ? guide.emergencyNumbers.map((n) => ({ ...n })) : [];
    updatedAt.value = guide?.updatedAt ?? null;
  }

  async function load() {
    if (!country.value) return;
    loading.value = true;
    errorMessage.value = '';
    try {
      fill(await infoApi.guide(country.value));
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) fill(null);
      else errorMessage.value = error instanceof ApiError ? error.message : t.errors.unexpected;
    } finally {
      loading.value = false;
    }
  }

  const addNumber = () => numbers.value.push({ labelZh: '', number: '' });
  const removeNumber = (index: number) => numbers.value.splice(index, 1);

  async function save() {
    saving.value = true;
    errorMessage.value = '';
    try {
      const guide = await infoApi.saveGuide(country.value, {
        sections: Object.fromEntries(GUIDE_SECTIONS.map((key) => [key, parseArticleMarkup(markup[key])])),
        emergencyNumbers: numbers.value
          .map((n) => ({ labelZh: n.labelZh.trim(), number: n.number.trim() }))
          .filter((n) => n.labelZh || n.number),
      });
      fill(guide);
      void toast.success(t.info.guide.saved);
    } catch (error) {
      errorMessage.value = error instanceof ApiError ? error.message : t.errors.unexpected;
    } finally {
      saving.value = false;
    }
  }

  const updatedText = computed(() => (updatedAt.value ? t.info.guide.updatedAt(formatDateTime(updatedAt.value)) : t.info.guide.never));

  onMounted(load);
  return { country, countryZh, markup, numbers, updatedText, loading, saving, errorMessage, addNumber, removeNumber, save };
}
