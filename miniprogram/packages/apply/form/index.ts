import {
  createApplication,
  fetchApplication,
  fetchFee,
  findDraft,
  saveStep,
  submitApplication,
  withdrawApplication,
} from '../../../api/applications';
import { askForStatusMessages, prefetchSubscriptionTemplates } from '../../../api/messages';
import { fetchProfile } from '../../../api/profile';
import { ApiError } from '../../../api/request';
import type { ApplicationDetail, UploadedDocument } from '../domain/services/application-api-types';
import type { ApplicationFee } from '../domain/services/payment-api-types';
import { applicationMessages } from '../domain/services/application-messages';
import type { Answers, ServiceDefinition } from '../domain/services/definition-types';
import {
  findStep,
  nextStep,
  pathThrough,
  previousStep,
  refusalOn,
  stepCompletion,
  validateStep,
} from '../domain/services/engine';
import { findApplicationService } from '../domain/services/service-registry';
import { currentLocale } from '../../../locale/language';
import { localizedData } from '../../../locale/localized-page';
import { fill, t } from '../text';
import { ROUTES } from '../../../routes';
import { ordersStore } from '../../../stores/orders-store';
import { sessionStore } from '../../../stores/session-store';
import { changedData, pick } from '../../../utils/set-data';
import {
  feeLabels,
  feeView,
  fieldViews,
  interviewLabels,
  prefillFromIdentity,
  progressOf,
  resumeStep,
  reviewSections,
  signerText,
  splitServerErrors,
  stepDocuments,
} from '../form-model';
import { elderModeBehavior } from '../../../behaviors/elder-mode';

/**
 * 申请 — ONE page for every application service: it renders whatever ServiceDefinition
 * `?service=` names (domain/services/), step by step along the engine's path. Each step is
 * saved to the server on 保存并继续 (a draft), so the citizen can close WeChat and come
 * back — on this phone or another — to the same step. Special steps (signature, photo,
 * documents, face check, review) are components of this subpackage.
 *
 *   /packages/apply/form/index?service=passport            resume the newest draft or start
 *   /packages/apply/form/index?service=passport&id=<uuid>  open that application
 */

interface FormState {
  service: ServiceDefinition;
  answers: Answers;
  detail: ApplicationDetail | null;
  /** Came here from the review page's 修改: go back there after saving. */
  returnToReview: boolean;
  touched: Set<string>;
  attempted: boolean;
  /** Messages from the server or the last Next, by field / document id. */
  serverErrors: Record<string, string>;
  documentErrors: Record<string, string>;
  faceError: string;
  problems: Array<{ key: string; stepId: string; title: string; message: string }>;
  /** The review step's price (undefined: on its way; null: could not be had). */
  fee?: ApplicationFee | null;
}

const states = new WeakMap<object, FormState>();

type FieldEvent<T extends WechatMiniprogram.IAnyObject = WechatMiniprogram.IAnyObject> = WechatMiniprogram.CustomEvent<T, WechatMiniprogram.IAnyObject, { field: string }>;

const uploadedOf = (detail: ApplicationDetail | null): UploadedDocument[] => detail?.documents ?? [];

Component({
  behaviors: [
    elderModeBehavior,
    localizedData(() => ({
      // Only the strings the template reads (t.apply holds ~90).
      text: pick(t.apply, ['back', 'cancel', 'confirm', 'docTypes', 'goIdentity', 'goMission', 'next', 'optional', 'requiredHint', 'photoFirst', 'restart', 'restartConfirm', 'retry', 'saving']),
      reviewText: pick(t.apply.review, ['edit', 'feeUnknown', 'fees', 'goFix', 'incomplete', 'interview', 'noWithdrawContent', 'noWithdrawTitle', 'submit', 'submitConfirm', 'submitting']),
      loadingText: t.loading,
    })),
  ],
  data: {
    phase: 'loading' as 'loading' | 'blocked' | 'error' | 'form',
    blockedMessage: '',
    blockedAction: '' as '' | 'mission' | 'identity',
    errorMessage: '',
    serviceId: '',
    applicationId: '',
    step: { id: '', title: '', kind: '', intro: '', declarationTitle: '', declarationText: '' },
    progress: { index: 0, total: 0, percent: 0, label: '' },
    fields: [] as ReturnType<typeof fieldViews>,
    refusal: null as null | { message: string; redirectService: string; redirectLabel: string },
    resumedNotice: '',
    formError: '',
    documents: [] as ReturnType<typeof stepDocuments>,
    photoDocument: null as UploadedDocument | null,
    /** 保存并继续 waits for what the step is for (a passing ID photo). */
    nextBlocked: false,
    photoHint: '',
    photoError: '',
    signer: '',
    signatureDone: false,
    signatureError: '',
    face: { status: '', attemptsLeft: 10, unavailable: false, error: '' },
    review: {
      sections: [] as ReturnType<typeof reviewSections>,
      interview: [] as string[],
      fees: [] as string[],
      fee: null as ReturnType<typeof feeView> | null,
      feeFailed: false,
      problems: [] as FormState['problems'],
    },
    canGoBack: false,
    saving: false,
    picker: { visible: false, fieldId: '', title: '', options: [] as Array<{ label: string; value: string }>, value: [] as string[] },
    confirmVisible: false,
    restartVisible: false,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const service = findApplicationService(query.service ?? '', currentLocale());
      if (!service) {
        this.setData({ phase: 'error', errorMessage: t.apply.loadFailed });
        return Promise.resolve();
      }
      states.set(this, {
        service,
        answers: {},
        detail: null,
        returnToReview: false,
        touched: new Set(),
        attempted: false,
        serverErrors: {},
        documentErrors: {},
        faceError: '',
        problems: [],
      });
      this.setData({ serviceId: service.id });
      wx.setNavigationBarTitle({ title: service.title });
      // Ready before the submit tap, which must ask for subscription messages synchronously.
      void prefetchSubscriptionTemplates();
      return this.load(query.id);
    },

    onShow() {
      // Back from the mission picker or the identity form: try again.
      if (this.data.phase === 'blocked') void this.load();
    },

    reload() {
      return this.load();
    },

    state(): FormState {
      return states.get(this)!;
    },

    /** Login (via the api layer), then the requested application or the newest draft. */
    async load(id?: string) {
      const state = this.state();
      this.setData({ phase: 'loading' });
      try {
        // Profile and application side by side: one round (the newest draft comes whole).
        const [profile, detail] = await Promise.all([fetchProfile(), id ? fetchApplication(id) : findDraft(state.service.id)]);
        sessionStore.setProfile(profile);
        if (detail && detail.status !== 'draft') {
          wx.redirectTo({ url: `${ROUTES.applyResult}?id=${detail.id}` });
          return;
        }
        if (!detail && !profile.identity) {
          this.setData({ phase: 'blocked', blockedAction: 'identity', blockedMessage: t.apply.needIdentity });
          return;
        }
        if (!detail && !sessionStore.mission) {
          this.setData({ phase: 'blocked', blockedAction: 'mission', blockedMessage: t.apply.needMission });
          return;
        }
        state.detail = detail;
        state.answers = { ...(detail?.answers ?? {}) };
        const step = detail
          ? resumeStep(state.service, state.answers, detail.currentStep, detail.firstIncompleteStep)
          : state.service.steps[0];
        const resumed = !!detail && (detail.currentStep !== state.service.steps[0].id || Object.keys(detail.answers).length > 0);
        this.setData({
          phase: 'form',
          applicationId: detail?.id ?? '',
          resumedNotice: resumed ? fill(t.apply.resumed, { step: step.title }) : '',
        });
        this.goTo(step.id);
      } catch (error) {
        this.setData({ phase: 'error', errorMessage: error instanceof ApiError ? error.message : t.apply.loadFailed });
      }
    },

    resolveBlock() {
      wx.navigateTo({ url: this.data.blockedAction === 'mission' ? ROUTES.missionPicker : ROUTES.identityForm });
    },

    /** Shows a step: fresh messages, prefilled names for a self-application. */
    goTo(stepId: string) {
      const state = this.state();
      const step = findStep(state.service, stepId) ?? state.service.steps[0];
      Object.assign(state.answers, prefillFromIdentity(step.fields, state.answers, sessionStore.identity));
      state.touched = new Set();
      state.attempted = false;
      state.serverErrors = {};
      state.documentErrors = {};
      state.faceError = '';
      state.problems = [];
      this.setData({
        step: {
          id: step.id,
          title: step.title,
          kind: step.kind,
          intro: step.intro ?? '',
          declarationTitle: step.declaration?.title ?? '',
          declarationText: step.declaration?.text ?? '',
        },
        formError: '',
      });
      this.render();
      if (typeof wx.pageScrollTo === 'function') wx.pageScrollTo({ scrollTop: 0, duration: 0 });
      if (step.kind === 'review') void this.loadFee();
    },

    /** The review shows the amount the order will cost (the server prices it, as at submission). */
    async loadFee() {
      const state = this.state();
      const id = state.detail?.id;
      state.fee = undefined;
      if (!id) return;
      try {
        const fee = await fetchFee(id);
        if (state.detail?.id === id) state.fee = fee;
      } catch {
        // No fee table for this mission, or offline: the fee items without amounts, said so.
        state.fee = null;
      }
      if (this.data.step.kind === 'review') this.render();
    },

    /** Everything on screen from the definition, the answers and what the server knows. */
    render() {
      const state = this.state();
      const { service, answers, detail } = state;
      const stepId = this.data.step.id;
      const step = findStep(service, stepId)!;

      // Messages show once the citizen has left a field, tried to continue, or the server spoke.
      const validation = validateStep(service, stepId, answers);
      const shown: Record<string, string> = {};
      for (const [field, message] of Object.entries(validation.errors)) {
        if (state.attempted || state.touched.has(field)) shown[field] = message;
      }
      const refusal = refusalOn(service, stepId, answers);
      if (refusal && shown[refusal.field] === refusal.message) delete shown[refusal.field];
      Object.assign(shown, state.serverErrors);

      const uploaded = uploadedOf(detail);
      const photoDoc = service.documents.find((d) => d.step === stepId && d.kind === 'id_photo');
      const signatureDoc = service.documents.find((d) => d.step === stepId && d.kind === 'signature');
      const docMessage = (id: string | undefined) => (id ? state.documentErrors[id] ?? '' : '');
      const redirect = refusal?.redirectService ? findApplicationService(refusal.redirectService, currentLocale()) : undefined;

      const patch = changedData(this.data, {
        progress: progressOf(service, stepId, answers),
        fields: fieldViews(service, stepId, answers, shown),
        refusal: refusal
          ? {
              message: refusal.message,
              redirectService: refusal.redirectService ?? '',
              redirectLabel: redirect ? fill(t.apply.goService, { service: redirect.title }) : '',
            }
          : null,
        canGoBack: !!previousStep(service, stepId, answers),
        documents: step.kind === 'documents' ? stepDocuments(service, stepId, answers, uploaded, state.documentErrors) : [],
        photoDocument: photoDoc ? uploaded.find((u) => u.docId === photoDoc.id) ?? null : null,
        // One primary action on the photo step: the camera until a photo passed, then 保存并继续.
        nextBlocked: !!photoDoc && !uploaded.some((u) => u.docId === photoDoc.id && u.ok),
        photoHint: photoDoc?.hint ?? '',
        photoError: docMessage(photoDoc?.id),
        signer: step.kind === 'signature' ? signerText(service, answers) : '',
        signatureDone: !!signatureDoc && uploaded.some((u) => u.docId === signatureDoc.id && u.ok),
        signatureError: docMessage(signatureDoc?.id),
        face: {
          status: detail?.face.status ?? '',
          attemptsLeft: detail?.face.attemptsLeftToday ?? 10,
          unavailable: !!detail?.interviewReasons.includes('passport_only'),
          error: state.faceError,
        },
        review:
          step.kind === 'review'
            ? {
                sections: reviewSections(service, answers, uploaded, detail?.face.status ?? null),
                interview: interviewLabels(detail?.interviewReasons ?? []),
                fees: feeLabels(service, detail?.fees ?? []),
                fee: state.fee ? feeView(state.fee) : null,
                feeFailed: state.fee === null,
                problems: state.problems,
              }
            : this.data.review,
      });
      // Only what changed reaches the render thread; nothing when nothing did.
      if (patch) this.setData(patch);
    },

    // --- Field events --------------------------------------------------------------

    setAnswer(field: string, value: string | boolean) {
      const state = this.state();
      state.answers[field] = value;
      delete state.serverErrors[field];
      if (this.data.formError) this.setData({ formError: '' });
      this.render();
    },
    /**
     * A key press: keep the answer, and send only this field's value (and a message that no
     * longer applies) — one small setData. The whole step re-renders when the citizen leaves
     * the field (onBlur) or presses 保存并继续.
     */
    onInput(event: FieldEvent<{ value: string }>) {
      const field = event.currentTarget.dataset.field;
      const value = event.detail.value ?? '';
      const state = this.state();
      state.answers[field] = value;
      const index = this.data.fields.findIndex((f) => f.id === field);
      const next: Record<string, unknown> = { formError: '' };
      if (index >= 0) next[`fields[${index}].value`] = value;
      if (index >= 0 && state.serverErrors[field]) next[`fields[${index}].error`] = '';
      delete state.serverErrors[field];
      const patch = changedData(this.data, next);
      if (patch) this.setData(patch);
    },
    onBlur(event: FieldEvent) {
      this.state().touched.add(event.currentTarget.dataset.field);
      this.render();
    },
    onRadio(event: FieldEvent<{ value: string }>) {
      const field = event.currentTarget.dataset.field;
      this.state().touched.add(field);
      this.setAnswer(field, event.detail.value ?? '');
    },
    onCheckbox(event: FieldEvent<{ checked: boolean }>) {
      const field = event.currentTarget.dataset.field;
      this.state().touched.add(field);
      this.setAnswer(field, event.detail.checked === true);
    },
    onDate(event: FieldEvent<{ value: string }>) {
      const field = event.currentTarget.dataset.field;
      this.state().touched.add(field);
      this.setAnswer(field, event.detail.value);
    },
    openPicker(event: FieldEvent) {
      const fieldId = event.currentTarget.dataset.field;
      const field = this.data.fields.find((f) => f.id === fieldId);
      if (!field) return;
      this.setData({
        picker: {
          visible: true,
          fieldId,
          title: field.label,
          options: field.options.map((o) => ({ label: o.label, value: o.value })),
          value: [field.value || field.options[0]?.value || ''],
        },
      });
    },
    closePicker() {
      this.setData({ 'picker.visible': false });
    },
    onPickerConfirm(event: WechatMiniprogram.CustomEvent<{ value: string[] }>) {
      const fieldId = this.data.picker.fieldId;
      this.setData({ 'picker.visible': false });
      this.state().touched.add(fieldId);
      this.setAnswer(fieldId, event.detail.value?.[0] ?? '');
    },

    // --- Uploads and face -------------------------------------------------------------

    /** A component uploaded a document: the server's record replaces the old one. */
    onUploaded(event: WechatMiniprogram.CustomEvent<{ document: UploadedDocument }>) {
      const state = this.state();
      const document = event.detail.document;
      if (state.detail) {
        state.detail = { ...state.detail, documents: [...state.detail.documents.filter((d) => d.docId !== document.docId), document] };
      }
      delete state.documentErrors[document.docId];
      this.setData({ formError: '' });
      this.render();
    },
    onFaceChange(event: WechatMiniprogram.CustomEvent<{ detail: ApplicationDetail }>) {
      const state = this.state();
      state.detail = event.detail.detail;
      state.faceError = '';
      this.render();
    },

    // --- Navigation ---------------------------------------------------------------

    back() {
      const state = this.state();
      const previous = previousStep(state.service, this.data.step.id, state.answers);
      if (previous) this.goTo(previous.id);
    },

    editStep(event: WechatMiniprogram.CustomEvent<WechatMiniprogram.IAnyObject, WechatMiniprogram.IAnyObject, { step: string }>) {
      this.state().returnToReview = true;
      this.setData({ resumedNotice: '' });
      this.goTo(event.currentTarget.dataset.step);
    },

    goRedirect() {
      const target = this.data.refusal?.redirectService;
      if (target) wx.redirectTo({ url: `${ROUTES.applyForm}?service=${target}` });
    },

    /** 保存并继续: check with the engine, save the step (a draft), go to the next one. */
    async next() {
      if (this.data.saving) return;
      const state = this.state();
      const { service } = state;
      const stepId = this.data.step.id;
      const step = findStep(service, stepId)!;
      const validation = validateStep(service, stepId, state.answers);
      if (validation.refusal) {
        this.render();
        return;
      }
      if (!validation.ok) {
        state.attempted = true;
        this.setData({ formError: t.apply.fixErrors });
        this.render();
        return;
      }
      const completion = stepCompletion(service, stepId, state.answers, {
        uploadedDocuments: uploadedOf(state.detail).filter((d) => d.ok).map((d) => d.docId),
        faceStatus: state.detail?.face.status ?? null,
      });
      if (!completion.ok) {
        state.documentErrors = {};
        for (const doc of completion.missingDocuments) {
          const failedCheck = uploadedOf(state.detail).some((u) => u.docId === doc.id && !u.ok);
          state.documentErrors[doc.id] = failedCheck ? t.apply.uploadNotPassed : applicationMessages.documentMissing(doc.label);
        }
        state.faceError = completion.faceMissing ? applicationMessages.faceRequired : '';
        this.setData({ formError: t.apply.fixErrors });
        this.render();
        return;
      }
      if (step.kind === 'review') {
        if (service.rules.confirmationField) this.setData({ confirmVisible: true });
        else await this.submit();
        return;
      }
      await this.save(stepId, validation.values as Record<string, string | boolean>);
    },

    async save(stepId: string, values: Record<string, string | boolean>) {
      const state = this.state();
      this.setData({ saving: true, formError: '' });
      try {
        if (!state.detail) {
          const missionId = sessionStore.mission?.id ?? '';
          state.detail = await createApplication(state.service.id, missionId);
          this.setData({ applicationId: state.detail.id });
        }
        const detail = await saveStep(state.detail.id, stepId, values);
        state.detail = detail;
        state.answers = { ...detail.answers };
        const target = state.returnToReview
          ? detail.firstIncompleteStep ?? pathThrough(state.service, detail.answers).slice(-1)[0]?.id
          : nextStep(state.service, stepId, detail.answers)?.id;
        this.setData({ saving: false, resumedNotice: '' });
        if (target === 'review' || (target && findStep(state.service, target)?.kind === 'review')) state.returnToReview = false;
        this.goTo(target ?? stepId);
      } catch (error) {
        this.setData({ saving: false });
        this.showServerError(error);
      }
    },

    showServerError(error: unknown) {
      const state = this.state();
      if (!(error instanceof ApiError)) {
        this.setData({ formError: t.serverError });
        return;
      }
      if (error.code === 'IDENTITY_REQUIRED') {
        this.setData({ phase: 'blocked', blockedAction: 'identity', blockedMessage: error.message });
        return;
      }
      const split = splitServerErrors(error.fields, this.data.step.id);
      state.serverErrors = split.fieldErrors;
      state.documentErrors = split.documentErrors;
      state.faceError = split.face;
      state.problems = split.elsewhere.map((p) => ({
        key: p.key,
        stepId: p.stepId,
        title: findStep(state.service, p.stepId)?.title ?? p.stepId,
        message: p.message,
      }));
      // Missing documents or face on the review page link back to their steps too.
      if (this.data.step.kind === 'review') {
        for (const [docId, message] of Object.entries(split.documentErrors)) {
          const doc = state.service.documents.find((d) => d.id === docId);
          if (doc) state.problems.push({ key: `documents.${docId}`, stepId: doc.step, title: findStep(state.service, doc.step)?.title ?? doc.step, message });
        }
        const face = state.service.steps.find((s) => s.kind === 'face');
        if (split.face && face) state.problems.push({ key: 'face', stepId: face.id, title: face.title, message: split.face });
      }
      this.setData({ formError: error.message });
      this.render();
    },

    // --- Submission -------------------------------------------------------------------

    closeConfirm() {
      this.setData({ confirmVisible: false });
    },
    async confirmSubmit() {
      this.setData({ confirmVisible: false });
      await this.submit();
    },
    async submit() {
      const state = this.state();
      if (!state.detail || this.data.saving) return;
      // Still inside the submit tap (next / confirmSubmit call this synchronously): WeChat
      // only shows the subscription dialog from a tap. Its outcome never stops the submission.
      const subscribed = askForStatusMessages();
      this.setData({ saving: true, formError: '' });
      try {
        await subscribed;
        const confirmation = state.service.rules.confirmationField;
        const detail = await submitApplication(state.detail.id, confirmation ? { confirmNoWithdrawal: state.answers[confirmation] === true } : {});
        state.detail = detail;
        ordersStore.updateOrder(detail);
        this.setData({ saving: false });
        wx.redirectTo({ url: `${ROUTES.applyResult}?id=${detail.id}` });
      } catch (error) {
        this.setData({ saving: false });
        this.showServerError(error);
      }
    },

    // --- Starting over --------------------------------------------------------------

    askRestart() {
      this.setData({ restartVisible: true });
    },
    closeRestart() {
      this.setData({ restartVisible: false });
    },
    async restart() {
      const state = this.state();
      this.setData({ restartVisible: false });
      if (!state.detail) return;
      try {
        await withdrawApplication(state.detail.id);
      } catch (error) {
        this.showServerError(error);
        return;
      }
      state.detail = null;
      state.answers = {};
      state.returnToReview = false;
      this.setData({ applicationId: '', resumedNotice: '' });
      this.goTo(state.service.steps[0].id);
    },
  },
});
