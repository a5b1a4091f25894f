/** The objections view's state: open objections, resolving one (void / dismiss with a note), current lockouts. */
import { ref } from 'vue';
import { toast } from '../../components/toast';
import { ApiError } from '../../api/http';
import { objectionsApi, type ApplicantObjection, type ObjectionOutcome, type SignInLockout } from '../../api/objections-api';
import { t } from '../../locale/zh-CN';

export function useObjections() {
  const objections = ref<ApplicantObjection[]>([]);
  const lockouts = ref<SignInLockout[]>([]);
  const loading = ref(false);
  const errorMessage = ref('');
  /** The objection being resolved and how; null while no dialog is open. */
  const pending = ref<{ objection: ApplicantObjection; outcome: ObjectionOutcome } | null>(null);
  const note = ref('');
  const noteError = ref('');
  const resolving = ref(false);

  const message = (error: unknown) => (error instanceof ApiError ? error.message : String(error));

  async function load() {
    loading.value = true;
    errorMessage.value = '';
    try {
      [objections.value, lockouts.value] = await Promise.all([objectionsApi.list(), objectionsApi.lockouts()]);
    } catch (error) {
      errorMessage.value = message(error);
    } finally {
      loading.value = false;
    }
  }

  function openResolve(objection: ApplicantObjection, outcome: ObjectionOutcome) {
    pending.value = { objection, outcome };
    note.value = '';
    noteError.value = '';
  }

  function closeResolve() {
    if (!resolving.value) pending.value = null;
  }

  async function confirmResolve() {
    const target = pending.value;
    if (!target || resolving.value) return;
    // The server refuses an empty note too; saying so here keeps the dialog and what was typed.
    if (!note.value.trim()) {
      noteError.value = t.objections.noteRequired;
      return;
    }
    resolving.value = true;
    noteError.value = '';
    try {
      await objectionsApi.resolve(target.objection.id, target.outcome, note.value.trim());
      pending.value = null;
      toast.success(target.outcome === 'void' ? t.objections.voided : t.objections.dismissed);
      await load();
    } catch (error) {
      noteError.value = message(error);
    } finally {
      resolving.value = false;
    }
  }

  return { objections, lockouts, loading, errorMessage, pending, note, noteError, resolving, load, openResolve, closeResolve, confirmResolve };
}
