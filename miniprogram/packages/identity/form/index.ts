import { ComponentWithStore } from 'mobx-miniprogram-bindings';
import Toast from 'tdesign-miniprogram/toast/index';
import { ID_TYPES, idTypeLabels, IdType } from '../../../domain/identity';
import { FieldErrors, IdentityField, validateIdentityInput } from '../../../domain/identity-form';
import { ApiError } from '../../../api/request';
import { localizedPage } from '../../../locale/localized-page';
import { fill, t } from '../text';
import { elderModeStore } from '../../../stores/elder-mode-store';
import { sessionStore } from '../../../stores/session-store';
import { changedData } from '../../../utils/set-data';

type IdentityForm = Record<IdentityField, string>;

const FIELDS: IdentityField[] = ['name', 'idType', 'idNumber', 'phone', 'email'];

/** Messages only for fields the citizen has left (or all of them after submit). */
function visibleErrors(form: IdentityForm, touched: Partial<Record<IdentityField, boolean>>): FieldErrors<IdentityField> {
  const result = validateIdentityInput(form);
  if (result.ok) return {};
  const shown: FieldErrors<IdentityField> = {};
  for (const field of FIELDS) if (touched[field] && result.errors[field]) shown[field] = result.errors[field];
  return shown;
}

/** 实名认证: the domain validator runs on blur and on submit; the server's 400/409 show the same way. */
ComponentWithStore({
  ...localizedPage(() => ({
    text: t.identity,
  }), () => t.identity.title),
  data: {
    form: { name: '', idType: 'resident_id', idNumber: '', phone: '', email: '' } as IdentityForm,
    touched: {} as Partial<Record<IdentityField, boolean>>,
    errors: {} as FieldErrors<IdentityField>,
    formError: '',
    verifiedText: '',
    submitting: false,
    pickerVisible: false,
    idTypeLabel: idTypeLabels.resident_id,
    idTypeOptions: ID_TYPES.map((value) => ({ value, label: idTypeLabels[value] })),
  },
  storeBindings: [
    {
      store: sessionStore,
      fields: ['identity'],
      actions: {},
    },
    // Every page's root class (长辈模式), as behaviors/elder-mode.ts gives plain Component pages.
    { store: elderModeStore, fields: ['pageClass'], actions: {} },
  ],
  observers: {
    identity(identity: { name: string; idNumberMasked: string } | null) {
      this.setData({
        verifiedText: identity ? fill(t.identity.verifiedAs, { name: identity.name, idNumber: identity.idNumberMasked }) : '',
      });
    },
  },
  methods: {
    onInput(event: WechatMiniprogram.CustomEvent<{ value: string }, WechatMiniprogram.IAnyObject, { field: IdentityField }>) {
      const field = event.currentTarget.dataset.field;
      const form = { ...this.data.form, [field]: event.detail.value };
      // Per key press only what changed: this field's value, and a message that clears as
      // soon as the input is right.
      const patch = changedData(this.data, { [`form.${field}`]: form[field], errors: visibleErrors(form, this.data.touched), formError: '' });
      if (patch) this.setData(patch);
    },
    onBlur(event: WechatMiniprogram.CustomEvent<WechatMiniprogram.IAnyObject, WechatMiniprogram.IAnyObject, { field: IdentityField }>) {
      const touched = { ...this.data.touched, [event.currentTarget.dataset.field]: true };
      const patch = changedData(this.data, { touched, errors: visibleErrors(this.data.form, touched) });
      if (patch) this.setData(patch);
    },
    openIdTypePicker() {
      this.setData({ pickerVisible: true });
    },
    closeIdTypePicker() {
      this.setData({ pickerVisible: false });
    },
    onIdTypeConfirm(event: WechatMiniprogram.CustomEvent<{ value: IdType[] }>) {
      const idType = event.detail.value[0];
      const form = { ...this.data.form, idType };
      const touched = { ...this.data.touched, idType: true };
      this.setData({
        form,
        touched,
        pickerVisible: false,
        idTypeLabel: idTypeLabels[idType] ?? '',
        errors: visibleErrors(form, touched),
      });
    },
    async submit() {
      if (this.data.submitting) return;
      const touched = Object.fromEntries(FIELDS.map((field) => [field, true]));
      const result = validateIdentityInput(this.data.form);
      if (!result.ok) {
        this.setData({ touched, errors: result.errors, formError: t.identity.fixErrors });
        return;
      }
      this.setData({ touched, errors: {}, formError: '', submitting: true });
      try {
        await sessionStore.submitIdentity(result.value);
        this.setData({ submitting: false });
        Toast({ context: this, selector: '#t-toast', message: t.identity.success, theme: 'success' });
      } catch (error) {
        this.setData({ submitting: false, ...serverErrorsToForm(error) });
      }
    },
  },
});

/** 400 → the fields' own messages; 409 IDENTITY_TAKEN → one plain sentence; else the server's message. */
function serverErrorsToForm(error: unknown): { errors: FieldErrors<IdentityField>; formError: string } {
  if (!(error instanceof ApiError)) return { errors: {}, formError: t.serverError };
  if (error.code === 'IDENTITY_TAKEN') return { errors: {}, formError: t.identity.taken };
  const errors: FieldErrors<IdentityField> = {};
  for (const field of FIELDS) if (error.fields?.[field]) errors[field] = error.fields[field];
  return { errors, formError: Object.keys(errors).length ? t.identity.fixErrors : error.message };
}
