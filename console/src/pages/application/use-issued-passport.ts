/**
 * The issue step (待领取 / 已寄出) of an order that issues a passport asks for the passport
 * made: number, issue and expiry date, checked with the domain's one validator and recorded
 * (PUT …/issued-passport) before the transition is sent, so 我的证件 and the expiry reminders
 * use the real passport instead of an estimate.
 */
import { reactive } from 'vue';
import { ApiError } from '../../api/http';
import { passportsApi, validateHeldPassport, type HeldPassportErrors } from '../../api/passports-api';
import type { ConsoleAllowedAction } from '../../api/review-api';

const ISSUE_STEP: readonly string[] = ['ready_for_pickup', 'mailed'];

export type IssuedPassportForm = { required: boolean; number: string; issueDate: string; expiryDate: string; errors: HeldPassportErrors };

export function useIssuedPassport() {
  const form = reactive<IssuedPassportForm>({ required: false, number: '', issueDate: '', expiryDate: '', errors: {} });
  /** Whether the open action needs the passport: confirm waits for it, so it is never skipped. */
  let needed: Promise<boolean> = Promise.resolve(false);

  /** Called when an action's dialog opens. */
  function prepare(applicationId: string, action: ConsoleAllowedAction) {
    Object.assign(form, { required: false, number: '', issueDate: '', expiryDate: '', errors: {} });
    needed = ISSUE_STEP.includes(action.to)
      ? passportsApi.issued(applicationId).then(
          (view) => (form.required = view.required),
          // Unknown: ask anyway, the server says whether the order issues a passport.
          () => (form.required = true),
        )
      : Promise.resolve(false);
  }

  /** Records the passport when the action needs it; false when the form has errors (shown under the fields). */
  async function save(applicationId: string): Promise<boolean> {
    if (!(await needed)) return true;
    const checked = validateHeldPassport(form);
    form.errors = checked.ok ? {} : checked.errors;
    if (!checked.ok) return false;
    try {
      await passportsApi.recordIssued(applicationId, checked.value);
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.fields) {
        form.errors = error.fields as HeldPassportErrors;
        return false;
      }
      throw error;
    }
  }

  return { form, prepare, save };
}
