/** 工作人员 (admins): the mission's accounts; create, change role, disable / enable, reset; one-time passwords shown once. */
import { reactive, ref } from 'vue';
import { ApiError } from '../../api/http';
import { type IssuedPassword, staffApi, type StaffAccount } from '../../api/staff-api';
import type { StaffRole } from '../../api/types';
import { toast } from '../../components/toast';
import { t } from '../../locale/zh-CN';

export function useStaffAdmin() {
  const accounts = ref<StaffAccount[]>([]);
  const loading = ref(false);
  const errorMessage = ref('');
  const creating = reactive({ visible: false, username: '', displayName: '', role: 'reviewer' as StaffRole, errors: {} as Record<string, string>, busy: false });
  /** The one-time password just issued (shown once, until the admin closes it). */
  const issued = ref<IssuedPassword | null>(null);

  const message = (error: unknown) => (error instanceof ApiError ? error.message : t.errors.unexpected);

  async function load() {
    loading.value = true;
    errorMessage.value = '';
    try {
      accounts.value = (await staffApi.list()).staff;
    } catch (error) {
      errorMessage.value = error instanceof ApiError ? error.message : t.staffAdmin.loadFailed;
    } finally {
      loading.value = false;
    }
  }

  function openCreate() {
    Object.assign(creating, { visible: true, username: '', displayName: '', role: 'reviewer', errors: {}, busy: false });
  }

  async function create() {
    creating.busy = true;
    creating.errors = {};
    try {
      issued.value = await staffApi.create({ username: creating.username.trim(), displayName: creating.displayName.trim(), role: creating.role });
      creating.visible = false;
      await load();
    } catch (error) {
      creating.errors = error instanceof ApiError && error.fields ? { ...error.fields } : { username: message(error) };
    } finally {
      creating.busy = false;
    }
  }

  async function update(account: StaffAccount, change: { role?: StaffRole; disabled?: boolean }) {
    try {
      await staffApi.update(account.id, change);
      toast.success(t.staffAdmin.updated);
      await load();
    } catch (error) {
      toast.error(message(error));
    }
  }

  async function reset(account: StaffAccount) {
    try {
      issued.value = await staffApi.resetPassword(account.id);
      await load();
    } catch (error) {
      toast.error(message(error));
    }
  }

  return { accounts, loading, errorMessage, creating, issued, load, openCreate, create, update, reset };
}
