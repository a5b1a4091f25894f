/** One application in the console: load (audited on the server), act with optimistic locking. */
import { computed, reactive, ref } from 'vue';
import { MessagePlugin } from 'tdesign-vue-next';
import { ApiError } from '../../api/http';
import { reviewApi, type ConsoleAllowedAction, type ConsoleApplication } from '../../api/review-api';
import { t } from '../../locale/zh-CN';

export function useApplication(id: () => string) {
  const application = ref<ConsoleApplication | null>(null);
  const loading = ref(false);
  const errorMessage = ref('');
  /** Shown above the actions after a 409: someone else saved first. */
  const conflictMessage = ref('');

  const dialog = reactive({ action: null as ConsoleAllowedAction | null, note: '', items: [] as string[], trackingNo: '', error: '', busy: false });
  const dialogVisible = computed(() => dialog.action !== null);

  async function load() {
    loading.value = true;
    errorMessage.value = '';
    try {
      application.value = await reviewApi.application(id());
    } catch (error) {
      errorMessage.value = error instanceof ApiError ? error.message : t.review.applicationLoadFailed;
    } finally {
      loading.value = false;
    }
  }

  function start(action: ConsoleAllowedAction) {
    Object.assign(dialog, { action, note: '', items: [], trackingNo: '', error: '', busy: false });
  }

  function close() {
    dialog.action = null;
  }

  function requires(need: 'note' | 'items' | 'trackingNo'): boolean {
    return dialog.action?.requires.includes(need) ?? false;
  }

  async function confirm() {
    const action = dialog.action;
    const current = application.value;
    if (!action || !current) return;
    if (requires('items') && dialog.items.length === 0) return void (dialog.error = t.review.dialogs.itemsRequired);
    if (requires('note') && !dialog.note.trim()) return void (dialog.error = t.review.dialogs.noteRequired);
    if (requires('trackingNo') && !dialog.trackingNo.trim()) return void (dialog.error = t.review.dialogs.trackingRequired);
    dialog.busy = true;
    dialog.error = '';
    try {
      application.value = await reviewApi.act(current.id, action.action, {
        version: current.version,
        ...(dialog.note.trim() ? { note: dialog.note.trim() } : {}),
        ...(requires('items') ? { items: dialog.items } : {}),
        ...(requires('trackingNo') ? { trackingNo: dialog.trackingNo.trim() } : {}),
      });
      conflictMessage.value = '';
      close();
      void MessagePlugin.success(t.review.done(action.label));
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        // Someone else changed it: show the latest state, never overwrite theirs.
        conflictMessage.value = error.code === 'VERSION_CONFLICT' ? t.review.conflict : error.message;
        close();
        await load();
      } else {
        const fields = error instanceof ApiError ? error.fields : undefined;
        dialog.error = fields ? Object.values(fields).join('；') : error instanceof ApiError ? error.message : t.errors.unexpected;
      }
    } finally {
      dialog.busy = false;
    }
  }

  return { application, loading, errorMessage, conflictMessage, dialog, dialogVisible, load, start, close, confirm, requires };
}
