/** Travel-safety alerts for the mission's country: list, issue (level, text, dates), end. */
import { computed, onMounted, reactive, ref } from 'vue';
import { toast } from '../../components/toast';
import { infoApi, type StaffTravelAlert } from '../../api/info-api';
import { ApiError } from '../../api/http';
import { ALERT_LEVELS, alertLevelLabels, alertLevelThemes, AlertLevel } from '../../../../miniprogram/domain/alert-levels';
import { session } from '../../stores/session';
import { t } from '../../locale/zh-CN';
import { formatDateTime } from '../legalization/format';

export interface AlertRow extends StaffTravelAlert {
  [key: string]: unknown;
  levelText: string;
  levelTheme: 'warning' | 'danger';
  effectiveText: string;
}

export const levelOptions = ALERT_LEVELS.map((value) => ({ value, label: alertLevelLabels[value] }));

const toRow = (alert: StaffTravelAlert): AlertRow => ({
  ...alert,
  levelText: alertLevelLabels[alert.level],
  levelTheme: alertLevelThemes[alert.level],
  effectiveText: `${formatDateTime(alert.effectiveFrom)} — ${alert.effectiveUntil ? formatDateTime(alert.effectiveUntil) : t.info.alerts.untilOpen}`,
});

/** 'YYYY-MM-DD HH:mm' from the date picker (browser time) → ISO 8601. */
const toIso = (value: string) => (value ? new Date(value.replace(' ', 'T')).toISOString() : undefined);

export function useAlerts() {
  const rows = ref<AlertRow[]>([]);
  const loading = ref(false);
  const errorMessage = ref('');
  const country = computed(() => session.staff?.mission.countryZh ?? '');

  const dialogVisible = ref(false);
  const draft = reactive({ level: 'caution' as AlertLevel, title: '', body: '', region: '', city: '', effectiveFrom: '', effectiveUntil: '' });
  const fieldErrors = reactive<{ title?: string; body?: string; effectiveUntil?: string }>({});
  const formError = ref('');
  const saving = ref(false);

  async function load() {
    loading.value = true;
    errorMessage.value = '';
    try {
      rows.value = (await infoApi.alerts()).alerts.map(toRow);
    } catch (error) {
      errorMessage.value = error instanceof ApiError ? error.message : t.errors.unexpected;
    } finally {
      loading.value = false;
    }
  }

  function openDialog() {
    Object.assign(draft, { level: 'caution', title: '', body: '', region: '', city: '', effectiveFrom: '', effectiveUntil: '' });
    delete fieldErrors.title;
    delete fieldErrors.body;
    delete fieldErrors.effectiveUntil;
    formError.value = '';
    dialogVisible.value = true;
  }

  async function submit() {
    delete fieldErrors.title;
    delete fieldErrors.body;
    delete fieldErrors.effectiveUntil;
    formError.value = '';
    saving.value = true;
    try {
      const created = await infoApi.createAlert({
        level: draft.level,
        title: draft.title,
        body: draft.body,
        region: draft.region.trim() || undefined,
        city: draft.city.trim() || undefined,
        effectiveFrom: toIso(draft.effectiveFrom),
        effectiveUntil: toIso(draft.effectiveUntil) ?? null,
      });
      rows.value = [toRow(created), ...rows.value];
      dialogVisible.value = false;
      void toast.success(t.info.alerts.created);
    } catch (error) {
      if (error instanceof ApiError && error.fields) Object.assign(fieldErrors, error.fields);
      formError.value = error instanceof ApiError ? error.message : t.errors.unexpected;
    } finally {
      saving.value = false;
    }
  }

  async function end(row: AlertRow) {
    try {
      const ended = toRow(await infoApi.endAlert(row.id));
      rows.value = rows.value.map((r) => (r.id === ended.id ? ended : r));
      void toast.success(t.info.alerts.ended);
    } catch (error) {
      void toast.error(error instanceof ApiError ? error.message : t.errors.unexpected);
    }
  }

  onMounted(load);
  return { rows, loading, errorMessage, country, dialogVisible, draft, fieldErrors, formError, saving, openDialog, submit, end };
}
