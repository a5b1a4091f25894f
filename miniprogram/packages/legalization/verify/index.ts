import { fetchAuthorities, verifyLegalization } from '../../../api/legalization';
import { ApiError } from '../../../api/request';
import type { AuthorityList, VerifiedRecord } from '../../../domain/info-api-types';
import { t } from '../../../locale/text';
import { ROUTES } from '../../../routes';
import { infoMessages } from '../domain/info-messages';
import type { AuthorityKind, VerifyInput } from '../domain/legalization';
import { validateVerifyInput } from '../domain/legalization';
import { localizedData } from '../../../locale/localized-page';
import { text } from '../text';
import { changedData } from '../../../utils/set-data';
import { elderModeBehavior } from '../../../behaviors/elder-mode';

type Field = keyof VerifyInput;
type Errors = Partial<Record<Field, string>>;
type Authority = AuthorityList['authorities'][number];

const FIELDS: Field[] = ['legalizationNo', 'stickerNo', 'authorityId'];
const GROUP_ORDER: AuthorityKind[] = ['ministry', 'foreign_affairs_office', 'mission'];

export type VerifyOutcome =
  | { kind: 'genuine'; record: VerifiedRecord }
  | { kind: 'revoked'; record: VerifiedRecord & { revokedOn: string } }
  | { kind: 'not_found' }
  | { kind: 'rate_limited' }
  | null;

interface AuthorityGroup {
  kind: AuthorityKind;
  title: string;
  items: Array<{ id: string; nameZh: string; nameEn: string }>;
}

/** The full list stays off setData; only the filtered groups are rendered, and only while the picker is open. */
const authoritiesByPage = new WeakMap<object, Authority[]>();

function matches(authority: Authority, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  return [authority.nameZh, authority.nameEn.toLowerCase(), authority.id].some((value) => value.includes(q));
}

function groupAuthorities(authorities: Authority[], query: string): AuthorityGroup[] {
  return GROUP_ORDER.map((kind) => ({
    kind,
    title: text.groups[kind],
    items: authorities
      .filter((a) => a.kind === kind && matches(a, query))
      .map(({ id, nameZh, nameEn }) => ({ id, nameZh, nameEn })),
  })).filter((group) => group.items.length > 0);
}

function visibleErrors(form: Record<Field, string>, touched: Partial<Record<Field, boolean>>): Errors {
  const result = validateVerifyInput(form);
  if (result.ok) return {};
  const shown: Errors = {};
  for (const field of FIELDS) if (touched[field] && result.errors[field]) shown[field] = result.errors[field];
  return shown;
}

/**
 * 领事认证查验: a public form (no login). The shared validator checks the numbers beside each
 * field; the server answers genuine, revoked or not found — never a near match — and 429
 * when someone tries too many numbers.
 */
Component({
  behaviors: [elderModeBehavior, localizedData(() => ({ text: { ...text } }), () => text.title)],
  data: {
    resultText: { genuine: infoMessages.resultGenuine, revoked: infoMessages.resultRevoked, notFound: infoMessages.resultNotFound },
    form: { legalizationNo: '', stickerNo: '', authorityId: '' } as Record<Field, string>,
    authorityName: '',
    touched: {} as Partial<Record<Field, boolean>>,
    errors: {} as Errors,
    formError: '',
    submitting: false,
    outcome: null as VerifyOutcome,
    pickerVisible: false,
    query: '',
    groups: [] as AuthorityGroup[],
    authoritiesLoading: true,
    authoritiesFailed: false,
  },
  methods: {
    onLoad() {
      return this.loadAuthorities();
    },
    async loadAuthorities() {
      this.setData({ authoritiesLoading: true, authoritiesFailed: false });
      try {
        authoritiesByPage.set(this, await fetchAuthorities());
        this.setData({ authoritiesLoading: false });
        if (this.data.pickerVisible) this.filterAuthorities();
      } catch {
        this.setData({ authoritiesLoading: false, authoritiesFailed: true });
      }
    },
    filterAuthorities() {
      this.setData({ groups: groupAuthorities(authoritiesByPage.get(this) ?? [], this.data.query) });
    },
    onInput(event: WechatMiniprogram.CustomEvent<{ value: string }, WechatMiniprogram.IAnyObject, { field: Field }>) {
      const field = event.currentTarget.dataset.field;
      const form = { ...this.data.form, [field]: event.detail.value };
      // Per key press only what changed (the value, a message clearing, an old outcome going).
      const patch = changedData(this.data, { [`form.${field}`]: form[field], errors: visibleErrors(form, this.data.touched), formError: '', outcome: null });
      if (patch) this.setData(patch);
    },
    onBlur(event: WechatMiniprogram.CustomEvent<WechatMiniprogram.IAnyObject, WechatMiniprogram.IAnyObject, { field: Field }>) {
      const touched = { ...this.data.touched, [event.currentTarget.dataset.field]: true };
      const patch = changedData(this.data, { touched, errors: visibleErrors(this.data.form, touched) });
      if (patch) this.setData(patch);
    },
    openPicker() {
      // The authority list is rendered only once the picker opens.
      this.setData({ pickerVisible: true, groups: groupAuthorities(authoritiesByPage.get(this) ?? [], this.data.query) });
      if (this.data.authoritiesFailed) void this.loadAuthorities();
    },
    closePicker() {
      const touched = { ...this.data.touched, authorityId: true };
      this.setData({ pickerVisible: false, touched, errors: visibleErrors(this.data.form, touched) });
    },
    onPickerVisibleChange(event: WechatMiniprogram.CustomEvent<{ visible: boolean }>) {
      if (!event.detail.visible) this.closePicker();
    },
    onSearch(event: WechatMiniprogram.CustomEvent<{ value: string }>) {
      const query = event.detail.value;
      this.setData({ query, groups: groupAuthorities(authoritiesByPage.get(this) ?? [], query) });
    },
    chooseAuthority(event: WechatMiniprogram.CustomEvent<WechatMiniprogram.IAnyObject, WechatMiniprogram.IAnyObject, { id: string }>) {
      const authority = (authoritiesByPage.get(this) ?? []).find((a) => a.id === event.currentTarget.dataset.id);
      if (!authority) return;
      const form = { ...this.data.form, authorityId: authority.id };
      const touched = { ...this.data.touched, authorityId: true };
      this.setData({
        form,
        touched,
        authorityName: authority.nameZh,
        pickerVisible: false,
        outcome: null,
        errors: visibleErrors(form, touched),
      });
    },
    async submit() {
      if (this.data.submitting) return;
      const touched = Object.fromEntries(FIELDS.map((field) => [field, true]));
      const checked = validateVerifyInput(this.data.form);
      if (!checked.ok) {
        this.setData({ touched, errors: checked.errors, formError: text.fixErrors, outcome: null });
        return;
      }
      this.setData({ touched, errors: {}, formError: '', outcome: null, submitting: true });
      try {
        const answer = await verifyLegalization(checked.value);
        const outcome: VerifyOutcome =
          answer.result === 'not_found' ? { kind: 'not_found' } : answer.result === 'revoked' ? { kind: 'revoked', record: answer.record } : { kind: 'genuine', record: answer.record };
        this.setData({ submitting: false, outcome });
      } catch (error) {
        this.setData({ submitting: false, ...failure(error) });
      }
    },
    reset() {
      this.setData({
        form: { legalizationNo: '', stickerNo: '', authorityId: this.data.form.authorityId },
        touched: {},
        errors: {},
        formError: '',
        outcome: null,
      });
    },
    onShareAppMessage() {
      return { title: text.shareTitle, path: ROUTES.legalizationVerify };
    },
  },
});

function failure(error: unknown): { errors?: Errors; formError: string; outcome: VerifyOutcome } {
  if (!(error instanceof ApiError)) return { formError: t.serverError, outcome: null };
  if (error.status === 429) return { formError: '', outcome: { kind: 'rate_limited' } };
  const errors: Errors = {};
  for (const field of FIELDS) if (error.fields?.[field]) errors[field] = error.fields[field];
  if (Object.keys(errors).length > 0) return { errors, formError: text.fixErrors, outcome: null };
  return { formError: error.message, outcome: null };
}
