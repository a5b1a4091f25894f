import Toast from 'tdesign-miniprogram/toast/index';
import { ApiError } from '../../../api/request';
import { recordSubscription } from '../../../api/messages';
import { fill } from '../../../locale/text';
import { ROUTES } from '../../../routes';
import { addPassport, fetchExpiryTemplate, fetchPassports, openRenewal, removePassport } from '../api';
import { type HeldPassport, type HeldPassportErrors, type HeldPassportField, validateHeldPassport } from '../domain/held-passport';
import { localizedData } from '../../../locale/localized-page';
import { text } from '../text';
import { elderModeBehavior } from '../../../behaviors/elder-mode';

type Tap = WechatMiniprogram.CustomEvent<WechatMiniprogram.IAnyObject, WechatMiniprogram.IAnyObject, { id: string }>;
type FieldEvent = WechatMiniprogram.CustomEvent<{ value: string }, WechatMiniprogram.IAnyObject, { field: HeldPassportField }>;

interface PassportRow {
  id: string;
  title: string;
  details: string;
  advice: HeldPassport['advice'];
  adviceText: string;
  urgent: boolean;
  renewLabel: string;
}

/** The 证件到期提醒 template id, per page instance (not rendered). */
const expiryTemplates = new WeakMap<object, string>();

const FIELDS: HeldPassportField[] = ['number', 'issueDate', 'expiryDate'];
const emptyForm = () => ({ number: '', issueDate: '', expiryDate: '' });

/** What one card shows: whose passport, until when, what to do (words only in text.ts). */
function toRow(p: HeldPassport): PassportRow {
  const details = [fill(text.validUntil, { date: p.expiryDate })];
  if (p.datesEstimated) details.push(text.estimated);
  if (p.numberMasked) details.push(fill(text.numberLabel, { number: p.numberMasked }));
  return {
    id: p.id,
    title: p.holderName ? fill(text.passportOf, { name: p.holderName }) : fill(text.passportOf, { name: text.self }),
    details: details.join(' · '),
    advice: p.advice,
    adviceText: text.advice[p.advice],
    urgent: p.advice === 'expired' || p.advice === 'renew_now',
    renewLabel: p.renewalApplicationId ? text.continueRenewal : text.renew,
  };
}

/** Field messages for the fields the citizen has left (or all, on save). */
function visibleErrors(form: Record<HeldPassportField, string>, touched: Partial<Record<HeldPassportField, boolean>>): HeldPassportErrors {
  const result = validateHeldPassport(form);
  if (result.ok) return {};
  const shown: HeldPassportErrors = {};
  for (const field of FIELDS) if (touched[field] && result.errors[field]) shown[field] = result.errors[field];
  return shown;
}

/**
 * 我的证件: the passports of the account's people (from completed orders, or added here)
 * with their expiry and what to do — renew now (a renewal draft filled in from the last
 * application, reviewed step by step on the apply form), add a passport, remove one.
 * Opened with ?renew=<id> by an expiry reminder (消息中心 or 证件到期提醒): goes straight
 * to that passport's ready renewal.
 */
Component({
  behaviors: [elderModeBehavior, localizedData(() => ({ text: { ...text } }), () => text.title)],
  data: {
    passports: [] as PassportRow[],
    ready: false,
    loadError: '',
    opening: false,
    adding: false,
    saving: false,
    subscribed: false,
    form: emptyForm(),
    touched: {} as Partial<Record<HeldPassportField, boolean>>,
    errors: {} as HeldPassportErrors,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      // Ready before the subscribe tap, which must call wx.requestSubscribeMessage at once.
      fetchExpiryTemplate().then((id) => expiryTemplates.set(this, id), () => undefined);
      if (query.renew) return this.openRenewalOf(query.renew, true);
      return this.load();
    },
    onShow() {
      // Back from the apply form: the card may now offer to continue a draft.
      if (this.data.ready) void this.load();
    },
    async load() {
      try {
        const passports = await fetchPassports();
        this.setData({ passports: passports.map(toRow), ready: true, loadError: '' });
      } catch (error) {
        this.setData({ ready: true, loadError: error instanceof ApiError ? error.message : text.loadFailed });
      }
    },
    renew(event: Tap) {
      return this.openRenewalOf(event.currentTarget.dataset.id, false);
    },
    /** Opens (or resumes) the prefilled renewal on the apply form; nothing is submitted. */
    async openRenewalOf(passportId: string, fromReminder: boolean) {
      this.setData({ opening: true, loadError: '' });
      try {
        const draft = await openRenewal(passportId);
        const url = `${ROUTES.applyForm}?service=passport&id=${encodeURIComponent(draft.applicationId)}`;
        // From a reminder this page was only the way in: back goes to where the citizen was.
        if (fromReminder) wx.redirectTo({ url });
        else wx.navigateTo({ url });
        this.setData({ opening: false });
      } catch (error) {
        this.setData({ opening: false, loadError: error instanceof ApiError ? error.message : text.loadFailed });
        if (fromReminder) await this.load();
      }
    },
    remove(event: Tap) {
      const id = event.currentTarget.dataset.id;
      wx.showModal({
        content: text.removeConfirm,
        success: async (result) => {
          if (!result.confirm) return;
          try {
            this.setData({ passports: (await removePassport(id)).map(toRow) });
          } catch (error) {
            this.setData({ loadError: error instanceof ApiError ? error.message : text.loadFailed });
          }
        },
      });
    },
    add() {
      this.setData({ adding: true, form: emptyForm(), touched: {}, errors: {} });
    },
    cancel() {
      this.setData({ adding: false, errors: {} });
    },
    onInput(event: FieldEvent) {
      const field = event.currentTarget.dataset.field;
      const patch: Record<string, unknown> = { [`form.${field}`]: event.detail.value };
      // One small setData per key press; messages refresh only once one is showing.
      if (this.data.touched[field]) patch.errors = visibleErrors({ ...this.data.form, [field]: event.detail.value }, this.data.touched);
      this.setData(patch);
    },
    onBlur(event: FieldEvent) {
      const touched = { ...this.data.touched, [event.currentTarget.dataset.field]: true };
      this.setData({ touched, errors: visibleErrors(this.data.form, touched) });
    },
    async save() {
      const all = { number: true, issueDate: true, expiryDate: true };
      const result = validateHeldPassport(this.data.form);
      if (!result.ok) {
        this.setData({ touched: all, errors: result.errors });
        return;
      }
      this.setData({ saving: true });
      try {
        const passports = await addPassport(result.value);
        this.setData({ passports: passports.map(toRow), adding: false, saving: false, form: emptyForm(), touched: {}, errors: {} });
        Toast({ context: this, selector: '#t-toast', message: text.saved });
      } catch (error) {
        // The server's 400 names the fields with the same sentences.
        const fields = error instanceof ApiError ? (error.fields as HeldPassportErrors | undefined) : undefined;
        this.setData({ saving: false, touched: all, errors: fields ?? {}, loadError: fields ? '' : error instanceof ApiError ? error.message : text.loadFailed });
      }
    },
    /** 证件到期提醒: must run synchronously from the tap (WeChat refuses otherwise). */
    subscribe() {
      const id = expiryTemplates.get(this);
      if (!id || typeof wx.requestSubscribeMessage !== 'function') return;
      wx.requestSubscribeMessage({
        tmplIds: [id],
        success: (result) => {
          const accepted = result[id] === 'accept' ? [id] : [];
          recordSubscription([id], accepted).then(
            () => this.setData({ subscribed: accepted.length > 0 }),
            () => undefined,
          );
        },
      });
    },
  },
});
