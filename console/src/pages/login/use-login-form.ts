/** The sign-in form: field rules, the server's answer shown as one message, then onward. */
import { reactive, ref } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import type { FormRules, SubmitContext } from 'tdesign-vue-next';
import { ApiError } from '../../api/http';
import { signIn } from '../../stores/session';
import { afterLoginTarget } from '../../router/locations';
import { t } from '../../locale/zh-CN';

export interface LoginFormData {
  username: string;
  password: string;
}

export const loginRules: FormRules<LoginFormData> = {
  username: [{ required: true, message: t.login.usernameRequired, type: 'error' }],
  password: [{ required: true, message: t.login.passwordRequired, type: 'error' }],
};

export function useLoginForm() {
  const route = useRoute();
  const router = useRouter();
  const form = reactive<LoginFormData>({ username: '', password: '' });
  const submitting = ref(false);
  const errorMessage = ref('');

  async function submit({ validateResult }: SubmitContext<LoginFormData>) {
    if (validateResult !== true || submitting.value) return;
    submitting.value = true;
    errorMessage.value = '';
    try {
      await signIn({ username: form.username.trim(), password: form.password });
      await router.replace(afterLoginTarget(route.query.redirect));
    } catch (error) {
      // The password stays in the field: clearing it would also flag the field as empty.
      errorMessage.value = messageFor(error);
    } finally {
      submitting.value = false;
    }
  }

  return { form, submitting, errorMessage, submit };
}

function messageFor(error: unknown): string {
  if (!(error instanceof ApiError)) return t.errors.unexpected;
  // A rate limiter in front of us may answer 429 without our error body.
  if (error.status === 429 && error.code === 'HTTP_429') return t.login.tooManyAttempts;
  return error.message;
}
