import Toast from 'tdesign-miniprogram/toast/index';
import { ApiError } from '../../../api/request';
import { fetchMissions } from '../../../api/missions';
import type { Mission } from '../../../domain/api-types';
import { createRegistration, fetchRegistration, fetchSafetyTemplate, updateRegistration } from '../api';
import { ID_TYPES, idTypeLabels } from '../domain/identity';
import {
  PURPOSES,
  type RegistrationErrors,
  type RegistrationField,
  regionsOf,
  RELATIONS,
  REQUIRED_FIELDS,
  validateRegistrationInput,
} from '../domain/registration';
import { registrationDeclaration, registrationPrivacy, text } from '../text';
import { askForSafetyAlerts } from '../subscribe';
import { elderModeBehavior } from '../../../behaviors/elder-mode';
import { localizedData } from '../../../locale/localized-page';

type Form = Record<RegistrationField, string>;
type Option = { value: string; label: string };
type PickerField = 'relation' | 'idType' | 'purpose' | 'countryCode' | 'region';

const FIELDS: RegistrationField[] = [
  'relation', 'name', 'idType', 'idNumber', 'birthDate', 'phone', 'email', 'countryCode', 'region', 'city', 'address',
  'purpose', 'arrivalDate', 'departureDate', 'chinaContactName', 'chinaContactPhone', 'abroadContactName', 'abroadContactPhone', 'notes',
];

const emptyForm = (): Form => Object.fromEntries(FIELDS.map((f) => [f, ''])) as Form;

/** Messages only for fields the citizen has left (or all of them after submit). */
function visibleErrors(form: Form, touched: Partial<Record<RegistrationField, boolean>>, identityOnFile: boolean): RegistrationErrors {
  const result = validateRegistrationInput(form, new Date(), { identityOnFile });
  if (result.ok) return {};
  const shown: RegistrationErrors = {};
  for (const field of FIELDS) if (touched[field] && result.errors[field]) shown[field] = result.errors[field];
  return shown;
}

/**
 * 海外公民登记 form: 致登记人 first (new registrations), the privacy statement above the
 * form, the shared validator on blur and submit (the server answers 400 with the same
 * messages), then 安全提醒 subscription asked from the submit tap. `?id=` updates (更新登记).
 */
Component({
  behaviors: [
    elderModeBehavior,
    localizedData(() => ({ text: { ...text }, declaration: { ...registrationDeclaration }, privacy: { ...registrationPrivacy } }), () => text.title),
  ],
  data: {
    required: Object.fromEntries(REQUIRED_FIELDS.map((f) => [f, true])) as Record<string, boolean>,
    step: 'declaration' as 'declaration' | 'form',
    id: '',
    form: emptyForm(),
    labels: { relation: '', idType: '', purpose: '', countryCode: '', region: '' } as Record<PickerField, string>,
    touched: {} as Partial<Record<RegistrationField, boolean>>,
    errors: {} as RegistrationErrors,
    formError: '',
    submitting: false,
    picker: { visible: false, field: '' as PickerField | '', title: '', options: [] as Option[], value: [] as string[] },
  },
  methods: {
    async onLoad(query: Record<string, string | undefined>) {
      missionsLoaded = fetchMissions().catch(() => [] as Mission[]);
      if (!query.id) return;
      this.setData({ step: 'form', id: query.id });
      const detail = await fetchRegistration(query.id);
      const form = { ...emptyForm(), ...(detail.form as unknown as Partial<Form>) };
      this.setData({ form });
      await this.refreshLabels(form);
    },
    onShow() {
      // The picker labels are words too: in the language of the moment (after a switch in 我的).
      if (this.data.step === 'form') void this.refreshLabels(this.data.form);
    },
    startForm() {
      this.setData({ step: 'form' });
      void fetchSafetyTemplate().then((id) => (safetyTemplate = id), () => undefined);
    },
    onInput(event: WechatMiniprogram.CustomEvent<{ value: string }, WechatMiniprogram.IAnyObject, { field: RegistrationField }>) {
      const field = event.currentTarget.dataset.field;
      const form = { ...this.data.form, [field]: event.detail.value };
      // One small setData per key press: the field, and messages only once one is showing.
      const patch: Record<string, unknown> = { [`form.${field}`]: event.detail.value };
      if (this.data.touched[field]) patch.errors = visibleErrors(form, this.data.touched, !!this.data.id);
      if (this.data.formError) patch.formError = '';
      this.setData(patch);
    },
    onBlur(event: WechatMiniprogram.CustomEvent<WechatMiniprogram.IAnyObject, WechatMiniprogram.IAnyObject, { field: RegistrationField }>) {
      const touched = { ...this.data.touched, [event.currentTarget.dataset.field]: true };
      this.setData({ touched, errors: visibleErrors(this.data.form, touched, !!this.data.id) });
    },
    async openPicker(event: WechatMiniprogram.CustomEvent<WechatMiniprogram.IAnyObject, WechatMiniprogram.IAnyObject, { field: PickerField }>) {
      const field = event.currentTarget.dataset.field;
      // 更新登记 keeps the person: a different person is a new registration.
      if (field === 'idType' && this.data.id) return;
      const options = await optionsFor(field, this.data.form);
      this.setData({ picker: { visible: true, field, title: text.fields[field], options, value: [this.data.form[field] || options[0]?.value || ''] } });
    },
    closePicker() {
      this.setData({ 'picker.visible': false });
    },
    async onPick(event: WechatMiniprogram.CustomEvent<{ value: string[] }>) {
      const field = this.data.picker.field as PickerField;
      const value = event.detail.value[0];
      const form = { ...this.data.form, [field]: value };
      // Another country: its regions differ.
      if (field === 'countryCode' && value !== this.data.form.countryCode) form.region = '';
      const touched = { ...this.data.touched, [field]: true };
      this.setData({ form, touched, 'picker.visible': false, errors: visibleErrors(form, touched, !!this.data.id) });
      await this.refreshLabels(form);
    },
    async refreshLabels(form: Form) {
      const missions = await missionsLoaded;
      const country = missions.find((m) => m.countryCode === form.countryCode);
      this.setData({
        labels: {
          relation: text.relation[form.relation as keyof typeof text.relation] ?? '',
          idType: idTypeLabels[form.idType as keyof typeof idTypeLabels] ?? '',
          purpose: text.purpose[form.purpose as keyof typeof text.purpose] ?? '',
          countryCode: country?.countryZh ?? '',
          region: form.region,
        },
      });
    },
    async submit() {
      if (this.data.submitting) return;
      // Inside the tap, before any await: WeChat asks for subscriptions only from a tap.
      const subscribed = askForSafetyAlerts(safetyTemplate);
      const touched = Object.fromEntries(FIELDS.map((field) => [field, true]));
      const result = validateRegistrationInput(this.data.form, new Date(), { identityOnFile: !!this.data.id });
      if (!result.ok) {
        this.setData({ touched, errors: result.errors, formError: text.fixErrors });
        return;
      }
      this.setData({ touched, errors: {}, formError: '', submitting: true });
      try {
        // 更新登记 sends no identity number: the server keeps the stored one.
        const saved = this.data.id ? await updateRegistration(this.data.id, { ...result.value, idNumber: '' }) : await createRegistration(result.value);
        await subscribed;
        this.setData({ submitting: false, id: saved.id });
        Toast({ context: this, selector: '#t-toast', message: this.data.id ? text.updated : text.created, theme: 'success' });
      } catch (error) {
        this.setData({ submitting: false, ...serverErrorsToForm(error) });
      }
    },
  },
});

let missionsLoaded: Promise<Mission[]> = Promise.resolve([]);
let safetyTemplate = '';

async function optionsFor(field: PickerField, form: Form): Promise<Option[]> {
  if (field === 'relation') return RELATIONS.map((value) => ({ value, label: text.relation[value] }));
  if (field === 'idType') return ID_TYPES.map((value) => ({ value, label: idTypeLabels[value] }));
  if (field === 'purpose') return PURPOSES.map((value) => ({ value, label: text.purpose[value] }));
  const missions = await missionsLoaded;
  if (field === 'region') return regionsOf(missions, form.countryCode).map((value) => ({ value, label: value }));
  const countries: Option[] = [];
  for (const m of missions) if (!countries.some((c) => c.value === m.countryCode)) countries.push({ value: m.countryCode, label: m.countryZh });
  return countries;
}

/** 400 → the fields' own messages; 409 and others → the server's sentence. */
function serverErrorsToForm(error: unknown): { errors: RegistrationErrors; formError: string } {
  if (!(error instanceof ApiError)) return { errors: {}, formError: text.serverError };
  const errors: RegistrationErrors = {};
  for (const field of FIELDS) if (error.fields?.[field]) errors[field] = error.fields[field];
  return { errors, formError: Object.keys(errors).length ? text.fixErrors : error.message };
}

