/** 修改密码 on the account page: checks on the page first, the server's per-field messages after. */
import { reactive } from 'vue';
import { ApiError } from '../../api/http';
import { staffApi } from '../../api/staff-api';
import { toast } from '../../components/toast';
import { passwordChanged } from '../../stores/session';
import { t } from '../../locale/zh-CN';

export function usePasswordForm() {
  const form = reactive({ currentPassword: '', newPassword: '', repeat: '', errors: {} as Record<string, string>, busy: false });

  async function submit() {
    const a = t.account;
    const errors: Record<string, string> = {};
    if (!form.currentPassword) errors.currentPassword = a.required;
    if (form.newPassword.length < 10) errors.newPassword = a.newPasswordHelp;
    if (form.repeat !== form.newPassword) errors.repeat = a.mismatch;
    form.errors = errors;
    if (Object.keys(errors).length) return;
    form.busy = true;
    try {
      await staffApi.changeMyPassword(form.currentPassword, form.newPassword);
      Object.assign(form, { currentPassword: '', newPassword: '', repeat: '' });
      passwordChanged();
      toast.success(a.changed);
    } catch (error) {
      form.errors = error instanceof ApiError && error.fields ? { ...error.fields } : { newPassword: error instanceof ApiError ? error.message : t.errors.unexpected };
    } finally {
      form.busy = false;
    }
  }

  return { form, submit };
}
