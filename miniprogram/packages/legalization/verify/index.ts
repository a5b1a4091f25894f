import { fetchAuthorities, verifyApostille, verifyLegalization } from '../../../api/legalization';
import { ApiError } from '../../../api/request';
import type { AuthorityList, VerifyAnswer } from '../../../domain/info-api-types';
import { localizedData } from '../../../locale/localized-page';
import { t } from '../../../locale/text';
import { ROUTES } from '../../../routes';
import { APOSTILLE_AUTHORITY_KINDS, parseApostilleQr, validateApostilleInput } from '../domain/apostille';
import { apostilleMessages } from '../domain/apostille-messages';
import { infoMessages } from '../domain/info-messages';
import type { AuthorityKind } from '../domain/legalization';
import { validateVerifyInput } from '../domain/legalization';
import { text } from '../text';
import { changedData } from '../../../utils/set-data';
import { elderModeBehavior } from '../../../behaviors/elder-mode';
import { apostilleRows, legalizationRows, type OutcomeView, type OutcomeWords, outcomeView, rateLimitedView } from './verify-outcome';

/** The two checks the page offers: a legalization sticker, or an apostille certificate (since 2023-11-07). */
type Mode = 'legalization' | 'apostille';
type Form = Record<string, string>;
type Errors = Record<string, string>;
type Authority = AuthorityList['authorities'][number];

/** What each check needs; the page's flow (fields, picker, submit, answer) is the same for both. */
interface CheckMode {
  fields: string[];
  /** Which issuing authorities the picker lists: missions legalize, but never issue apostilles. */
  kinds: readonly AuthorityKind[];
  shareTitle: string;
  /** The form's field messages, or the request to make when there are none. */
  prepare(form: Form): { errors: Errors } | { ask(): Promise<OutcomeView> };
}

/** One check from its typed parts; the page sees only CheckMode. */
function defineCheck<V, R>(spec: {
  fields: string[];
  kinds: readonly AuthorityKind[];
  shareTitle: string;
  validate(form: Form): { ok: true; value: V } | { ok: false; errors: Partial<Record<string, string>> };
  send(value: V): Promise<VerifyAnswer<R>>;
  words: OutcomeWords<R>;
}): CheckMode {
  return {
    fields: spec.fields,
    kinds: spec.kinds,
    shareTitle: spec.shareTitle,
    prepare(form) {
      const checked = spec.validate(form);
      if (!checked.ok) return { errors: checked.errors as Errors };
      return { ask: async () => outcomeView(await spec.send(checked.value), spec.words) };
    },
  };
}

/** Built when used, not at load: its words are read in the language the citizen reads now. */
const modes = (): Record<Mode, CheckMode> => ({
  legalization: defineCheck({
    fields: ['legalizationNo', 'stickerNo', 'authorityId'],
    kinds: ['ministry', 'foreign_affairs_office', 'mission'],
    shareTitle: text.shareTitle,
    validate: validateVerifyInput,
    send: verifyLegalization,
    words: {
      genuine: infoMessages.resultGenuine,
      revoked: infoMessages.resultRevoked,
      notFound: infoMessages.resultNotFound,
      revokedAdvice: text.revokedAdvice,
      again: text.again,
      rows: legalizationRows,
    },
  }),
  apostille: defineCheck({
    fields: ['apostilleNo', 'issuedOn', 'authorityId'],
    kinds: APOSTILLE_AUTHORITY_KINDS,
    shareTitle: text.apostilleShareTitle,
    validate: validateApostilleInput,
    send: verifyApostille,
    words: {
      genuine: apostilleMessages.resultGenuine,
      revoked: apostilleMessages.resultRevoked,
      notFound: apostilleMessages.resultNotFound,
      revokedAdvice: text.apostilleRevokedAdvice,
      again: text.apostilleAgain,
      rows: apostilleRows,
    },
  }),
});

const EMPTY_FORMS: Record<Mode, Form> = {
  legalization: { legalizationNo: '', stickerNo: '', authorityId: '' },
  apostille: { apostilleNo: '', issuedOn: '', authorityId: '' },
};
const GROUP_ORDER: AuthorityKind[] = ['ministry', 'foreign_affairs_office', 'mission'];

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

function groupAuthorities(authorities: Authority[], query: string, mode: Mode): AuthorityGroup[] {
  return GROUP_ORDER.filter((kind) => modes()[mode].kinds.includes(kind))
    .map((kind) => ({
      kind,
      title: text.groups[kind],
      items: authorities.filter((a) => a.kind === kind && matches(a, query)).map(({ id, nameZh, nameEn }) => ({ id, nameZh, nameEn })),
    }))
    .filter((group) => group.items.length > 0);
}

function visibleErrors(mode: Mode, form: Form, touched: Record<string, boolean>): Errors {
  const prepared = modes()[mode].prepare(form);
  if (!('errors' in prepared)) return {};
  const shown: Errors = {};
  for (const field of modes()[mode].fields) if (touched[field] && prepared.errors[field]) shown[field] = prepared.errors[field];
  return shown;
}

/**
 * 领事认证查验 and 附加证明书查验: public forms (no login). The citizen picks the kind their
 * document carries (the page says how to tell); the shared validators check the fields beside
 * each one; an apostille's QR code fills its form. The server answers genuine, revoked or not
 * found — never a near match — and 429 when someone tries too many numbers.
 */
Component({
  behaviors: [elderModeBehavior, localizedData(() => ({ text: { ...text } }), () => text.title)],
  data: {
    mode: 'legalization' as Mode,
    forms: { legalization: { ...EMPTY_FORMS.legalization }, apostille: { ...EMPTY_FORMS.apostille } },
    authorityNames: { legalization: '', apostille: '' },
    touched: {} as Record<string, boolean>,
    errors: {} as Errors,
    formError: '',
    submitting: false,
    scanning: false,
    outcome: null as OutcomeView | null,
    pickerVisible: false,
    query: '',
    groups: [] as AuthorityGroup[],
    authoritiesLoading: true,
    authoritiesFailed: false,
  },
  methods: {
    onLoad(query?: { mode?: string }) {
      if (query?.mode === 'apostille') this.setData({ mode: 'apostille' });
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
      this.setData({ groups: groupAuthorities(authoritiesByPage.get(this) ?? [], this.data.query, this.data.mode) });
    },
    chooseMode(event: WechatMiniprogram.CustomEvent<WechatMiniprogram.IAnyObject, WechatMiniprogram.IAnyObject, { mode: Mode }>) {
      const mode = event.currentTarget.dataset.mode;
      if (mode === this.data.mode) return;
      // Each form keeps what was typed; messages and answers belong to the check they came from.
      this.setData({ mode, touched: {}, errors: {}, formError: '', outcome: null, query: '' });
    },
    onInput(event: WechatMiniprogram.CustomEvent<{ value: string }, WechatMiniprogram.IAnyObject, { field: string }>) {
      const { mode } = this.data;
      const field = event.currentTarget.dataset.field;
      const form = { ...this.data.forms[mode], [field]: event.detail.value };
      // Per key press only what changed (the value, a message clearing, an old outcome going).
      const patch = changedData(this.data, {
        [`forms.${mode}.${field}`]: form[field],
        errors: visibleErrors(mode, form, this.data.touched),
        formError: '',
        outcome: null,
      });
      if (patch) this.setData(patch);
    },
    onBlur(event: WechatMiniprogram.CustomEvent<WechatMiniprogram.IAnyObject, WechatMiniprogram.IAnyObject, { field: string }>) {
      const touched = { ...this.data.touched, [event.currentTarget.dataset.field]: true };
      const patch = changedData(this.data, { touched, errors: visibleErrors(this.data.mode, this.data.forms[this.data.mode], touched) });
      if (patch) this.setData(patch);
    },
    openPicker() {
      // The authority list is rendered only once the picker opens.
      this.setData({ pickerVisible: true, groups: groupAuthorities(authoritiesByPage.get(this) ?? [], this.data.query, this.data.mode) });
      if (this.data.authoritiesFailed) void this.loadAuthorities();
    },
    closePicker() {
      const touched = { ...this.data.touched, authorityId: true };
      this.setData({ pickerVisible: false, touched, errors: visibleErrors(this.data.mode, this.data.forms[this.data.mode], touched) });
    },
    onPickerVisibleChange(event: WechatMiniprogram.CustomEvent<{ visible: boolean }>) {
      if (!event.detail.visible) this.closePicker();
    },
    onSearch(event: WechatMiniprogram.CustomEvent<{ value: string }>) {
      const query = event.detail.value;
      this.setData({ query, groups: groupAuthorities(authoritiesByPage.get(this) ?? [], query, this.data.mode) });
    },
    chooseAuthority(event: WechatMiniprogram.CustomEvent<WechatMiniprogram.IAnyObject, WechatMiniprogram.IAnyObject, { id: string }>) {
      const authority = (authoritiesByPage.get(this) ?? []).find((a) => a.id === event.currentTarget.dataset.id);
      if (!authority) return;
      const { mode } = this.data;
      const form = { ...this.data.forms[mode], authorityId: authority.id };
      const touched = { ...this.data.touched, authorityId: true };
      this.setData({
        [`forms.${mode}`]: form,
        [`authorityNames.${mode}`]: authority.nameZh,
        touched,
        pickerVisible: false,
        outcome: null,
        errors: visibleErrors(mode, form, touched),
      });
    },
    /** The certificate's QR code (docs/apostille.md): only a well-formed apostille code fills the form, and is checked at once. */
    scanCertificate() {
      if (this.data.scanning || this.data.submitting) return;
      this.setData({ scanning: true, formError: '', outcome: null });
      wx.scanCode({
        onlyFromCamera: false,
        scanType: ['qrCode'],
        success: (result) => void this.onScanned(result.result),
        fail: (error) => {
          // Closing the scanner is not an error.
          this.setData({ scanning: false, formError: /cancel/.test(error.errMsg) ? '' : text.scanFailed });
        },
      });
    },
    async onScanned(code: string) {
      const parsed = parseApostilleQr(code);
      if (!parsed.ok) {
        this.setData({ scanning: false, formError: parsed.message });
        return;
      }
      const authority = (authoritiesByPage.get(this) ?? []).find((a) => a.id === parsed.value.authorityId);
      this.setData({
        scanning: false,
        'forms.apostille': { ...parsed.value },
        'authorityNames.apostille': authority?.nameZh ?? parsed.value.authorityId,
      });
      await this.submit();
    },
    async submit() {
      if (this.data.submitting) return;
      const { mode } = this.data;
      const check = modes()[mode];
      const touched = Object.fromEntries(check.fields.map((field) => [field, true]));
      const prepared = check.prepare(this.data.forms[mode]);
      if ('errors' in prepared) {
        this.setData({ touched, errors: prepared.errors, formError: text.fixErrors, outcome: null });
        return;
      }
      this.setData({ touched, errors: {}, formError: '', outcome: null, submitting: true });
      try {
        this.setData({ submitting: false, outcome: await prepared.ask() });
      } catch (error) {
        this.setData({ submitting: false, ...failure(error, check.fields) });
      }
    },
    reset() {
      const { mode } = this.data;
      this.setData({
        [`forms.${mode}`]: { ...EMPTY_FORMS[mode], authorityId: this.data.forms[mode].authorityId },
        touched: {},
        errors: {},
        formError: '',
        outcome: null,
      });
    },
    onShareAppMessage() {
      const { mode } = this.data;
      return { title: modes()[mode].shareTitle, path: mode === 'apostille' ? `${ROUTES.legalizationVerify}?mode=apostille` : ROUTES.legalizationVerify };
    },
  },
});

function failure(error: unknown, fields: string[]): { errors?: Errors; formError: string; outcome: OutcomeView | null } {
  if (!(error instanceof ApiError)) return { formError: t.serverError, outcome: null };
  if (error.status === 429) return { formError: '', outcome: rateLimitedView };
  const errors: Errors = {};
  for (const field of fields) if (error.fields?.[field]) errors[field] = error.fields[field];
  if (Object.keys(errors).length > 0) return { errors, formError: text.fixErrors, outcome: null };
  return { formError: error.message, outcome: null };
}
