/** One application in the console: load (audited on the server), act with optimistic locking. */
import { computed, reactive, ref } from 'vue';
import { toast } from '../../components/toast';
import { ApiError } from '../../api/http';
import { reviewApi, type ConsoleAllowedAction, type ConsoleApplication, type SupplementReasonGroup } from '../../api/review-api';
import { t } from '../../locale/zh-CN';
import { useIssuedPassport } from './use-issued-passport';

export function useApplication(id: () => string) {
  const application = ref<ConsoleApplication | null>(null);
  const loading = ref(false);
  const errorMessage = ref('');
  /** Shown above the actions after a 409: someone else saved first. */
  const conflictMessage = ref('');
  /** The mission's common supplement reasons for this service (loaded with the first request). */
  const reasonGroups = ref<SupplementReasonGroup[]>([]);
  /** The last decision on this page: the bar offers 下一份 after it. */
  const decided = ref(false);

  const dialog = reactive({ action: null as ConsoleAllowedAction | null, note: '', items: [] as string[], reasons: [] as string[], trackingNo: '', error: '', busy: false });
  const dialogVisible = computed(() => dialog.action !== null);
  /** The reasons offered for the items ticked in the dialog. */
  const offeredReasons = computed(() => reasonGroups.value.filter((group) => dialog.items.includes(group.item)));
  const issuedPassport = useIssuedPassport();

  async function load() {
    loading.value = true;
    errorMessage.value = '';
    try {
      application.value = await reviewApi.application(id());
      decided.value = false;
    } catch (error) {
      errorMessage.value = error instanceof ApiError ? error.message : t.review.applicationLoadFailed;
    } finally {
      loading.value = false;
    }
  }

  /** Opens the dialog of an action (by id, for the keyboard); nothing when it is not allowed now. */
  function startAction(actionId: string) {
    const action = application.value?.allowedActions.find((a) => a.action === actionId);
    if (action) start(action);
  }

  function start(action: ConsoleAllowedAction) {
    Object.assign(dialog, { action, note: '', items: [], reasons: [], trackingNo: '', error: '', busy: false });
    if (application.value) issuedPassport.prepare(application.value.id, action);
    if (action.requires.includes('items') && application.value && reasonGroups.value.length === 0) {
      void reviewApi.supplementReasons(application.value.service).then(
        (result) => (reasonGroups.value = result.items),
        () => undefined,
      );
    }
  }

  function close() {
    dialog.action = null;
  }

  function requires(need: 'note' | 'items' | 'trackingNo'): boolean {
    return dialog.action?.requires.includes(need) ?? false;
  }

  /** The note sent: the ticked reasons, one per line, then what the reviewer wrote. */
  function composedNote(): string {
    return [...dialog.reasons, dialog.note.trim()].filter(Boolean).join('\n');
  }

  async function confirm() {
    const action = dialog.action;
    const current = application.value;
    if (!action || !current || dialog.busy) return;
    const note = composedNote();
    if (requires('items') && dialog.items.length === 0) return void (dialog.error = t.review.dialogs.itemsRequired);
    if (requires('note') && !note) return void (dialog.error = t.review.dialogs.noteRequired);
    if (requires('trackingNo') && !dialog.trackingNo.trim()) return void (dialog.error = t.review.dialogs.trackingRequired);
    dialog.busy = true;
    dialog.error = '';
    try {
      if (!(await issuedPassport.save(current.id))) return;
      application.value = await reviewApi.act(current.id, action.action, {
        version: current.version,
        ...(note ? { note } : {}),
        ...(requires('items') ? { items: dialog.items } : {}),
        ...(requires('trackingNo') ? { trackingNo: dialog.trackingNo.trim() } : {}),
        ...(action.inPerson ? { inPerson: true } : {}),
      });
      conflictMessage.value = '';
      decided.value = true;
      close();
      toast.success(t.review.done(action.label));
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

  return {
    application,
    loading,
    errorMessage,
    conflictMessage,
    decided,
    dialog,
    dialogVisible,
    offeredReasons,
    passport: issuedPassport.form,
    load,
    start,
    startAction,
    close,
    confirm,
    requires,
  };
}
