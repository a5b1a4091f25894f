/** The mission's registrants: dashboard counts, filters, a page of the list, one registrant's details, the emergency export. */
import { computed, onMounted, reactive, ref } from 'vue';
import { toast } from '../../components/toast';
import { ApiError } from '../../api/http';
import { registrationApi, type RegistrationStats, type StaffRegistrant, type StaffRegistrantDetail } from '../../api/registration-api';
import { hasRole } from '../../router/roles';
import { session } from '../../stores/session';
import { t } from '../../locale/zh-CN';

const messageOf = (error: unknown) => (error instanceof ApiError ? error.message : t.errors.unexpected);

export function useRegistrants() {
  const stats = ref<RegistrationStats | null>(null);
  const rows = ref<StaffRegistrant[]>([]);
  const total = ref(0);
  const loading = ref(false);
  const errorMessage = ref('');
  const filter = reactive({ region: '', city: '', purpose: '', status: 'active', q: '', page: 1, pageSize: 20 });
  const regionOptions = computed(() => (stats.value?.byRegion ?? []).map((r) => ({ value: r.region, label: `${r.region}（${r.count}）` })));
  const canExport = computed(() => hasRole(session.staff?.role, 'supervisor'));

  async function load() {
    loading.value = true;
    errorMessage.value = '';
    try {
      const [list, counts] = await Promise.all([registrationApi.list({ ...filter }), registrationApi.stats()]);
      rows.value = list.items;
      total.value = list.total;
      stats.value = counts;
    } catch (error) {
      errorMessage.value = messageOf(error);
    } finally {
      loading.value = false;
    }
  }

  function search() {
    filter.page = 1;
    void load();
  }

  function changePage(page: { current: number; pageSize: number }) {
    filter.page = page.current;
    filter.pageSize = page.pageSize;
    void load();
  }

  // One registrant's contacts: fetched (and audited) only when staff open them.
  const detail = ref<StaffRegistrantDetail | null>(null);
  async function openDetail(id: string) {
    try {
      detail.value = await registrationApi.detail(id);
    } catch (error) {
      toast.error(messageOf(error));
    }
  }

  const exportDialog = reactive({ visible: false, reason: '', region: '', city: '', busy: false, error: '' });
  function openExport() {
    Object.assign(exportDialog, { visible: true, reason: '', region: filter.region, city: filter.city, busy: false, error: '' });
  }
  async function runExport() {
    exportDialog.busy = true;
    exportDialog.error = '';
    try {
      const { csv, fileName } = await registrationApi.emergencyExport({ reason: exportDialog.reason, region: exportDialog.region || undefined, city: exportDialog.city || undefined });
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
      link.download = fileName;
      link.click();
      URL.revokeObjectURL(link.href);
      exportDialog.visible = false;
      // The header lines and the column header are not registrants.
      toast.success(t.registrations.exportDone(Math.max(0, csv.trim().split('\r\n').length - 3)));
    } catch (error) {
      exportDialog.error = error instanceof ApiError && error.fields?.reason ? error.fields.reason : messageOf(error);
    } finally {
      exportDialog.busy = false;
    }
  }

  onMounted(load);
  return { stats, rows, total, loading, errorMessage, filter, regionOptions, canExport, search, changePage, detail, openDetail, exportDialog, openExport, runExport };
}
