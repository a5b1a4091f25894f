/**
 * The order's life, as data: one state machine used by the server to allow or refuse
 * every status change, and by the mini-program and the console to show action names and
 * what the citizen must do next. Pure TypeScript (no wx, no server imports).
 *
 *   待提交 draft ─submit→ 待支付 awaiting_payment ─payment_confirmed / mark_paid→ 待审核 submitted (初审)
 *   待提交 draft ─submit_pay_at_mission→ 待审核 submitted
 *   待审核 submitted ⇄ 待补充材料 supplement_requested (request_supplements / resubmit)
 *   待审核 submitted ─approve→ 复审中 second_review ─approve (supervisor)→ 待制证 approved
 *   待审核 / 复审中 ─require_interview→ 待视频面审 interview ─interview_passed→ 复审中
 *   待制证 approved ─start_production→ 制证中 in_production ─ready_for_pickup→ 待领取 / ─mail→ 已寄出
 *   待领取 / 已寄出 ─complete→ 已完成 completed (已寄出: also the citizen's confirm_receipt)
 *   submitted … interview ─reject (supervisor)→ 不予受理 rejected (refund when the service refunds)
 *   withdraw (citizen) → 已撤回 withdrawn, only from the service's withdrawableStatuses —
 *   never an emergency travel certificate once submitted.
 *   draft ─expire (system)→ 已过期 expired.
 *   待支付 awaiting_payment ─payment_expired (system: unpaid in time, payment closed)→ 已过期 expired.
 *
 * `first_review` (初审中) and `returned` (已退回) stay in APPLICATION_STATUSES for
 * display of older data; no transition leads to them.
 */
import { localizedMessages, type Widen } from '../message-locale';
import { type ApplicationStatus, statusLabel } from './application-status';
import type { ServiceDefinition, WorkflowTransition } from './definition-types';

export type OrderAction =
  | 'submit'
  | 'submit_pay_at_mission'
  | 'payment_confirmed'
  | 'mark_paid'
  | 'request_supplements'
  | 'resubmit'
  | 'approve'
  | 'require_interview'
  | 'interview_passed'
  | 'reject'
  | 'start_production'
  | 'ready_for_pickup'
  | 'mail'
  | 'complete'
  | 'confirm_receipt'
  | 'withdraw'
  | 'expire'
  | 'payment_expired';

export type ActorKind = 'citizen' | 'staff' | 'system';
export type StaffRoleName = 'reviewer' | 'supervisor' | 'admin';
/** What an action needs in its request: a note (reason), supplement items, a tracking number. */
export type Requirement = 'note' | 'items' | 'trackingNo';

export interface Transition extends WorkflowTransition {
  from: ApplicationStatus;
  to: ApplicationStatus;
  action: OrderAction;
  actor: ActorKind;
  /** Staff only: the lowest role allowed (reviewer < supervisor < admin). */
  minimumRole?: StaffRoleName;
  requires?: readonly Requirement[];
}

const REVIEWABLE: readonly ApplicationStatus[] = ['submitted', 'supplement_requested', 'second_review', 'interview'];

export const ORDER_TRANSITIONS: readonly Transition[] = [
  { from: 'draft', to: 'awaiting_payment', action: 'submit', actor: 'citizen', guard: { paysOnline: true } },
  { from: 'draft', to: 'submitted', action: 'submit_pay_at_mission', actor: 'citizen', guard: { paysOnline: false } },
  { from: 'awaiting_payment', to: 'submitted', action: 'payment_confirmed', actor: 'system' },
  { from: 'awaiting_payment', to: 'submitted', action: 'mark_paid', actor: 'staff', minimumRole: 'reviewer' },
  { from: 'submitted', to: 'supplement_requested', action: 'request_supplements', actor: 'staff', minimumRole: 'reviewer', requires: ['note', 'items'] },
  { from: 'supplement_requested', to: 'submitted', action: 'resubmit', actor: 'citizen' },
  { from: 'submitted', to: 'second_review', action: 'approve', actor: 'staff', minimumRole: 'reviewer' },
  { from: 'second_review', to: 'approved', action: 'approve', actor: 'staff', minimumRole: 'supervisor' },
  { from: 'submitted', to: 'interview', action: 'require_interview', actor: 'staff', minimumRole: 'reviewer' },
  { from: 'second_review', to: 'interview', action: 'require_interview', actor: 'staff', minimumRole: 'reviewer' },
  { from: 'interview', to: 'second_review', action: 'interview_passed', actor: 'staff', minimumRole: 'reviewer' },
  ...REVIEWABLE.map((from): Transition => ({ from, to: 'rejected', action: 'reject', actor: 'staff', minimumRole: 'supervisor', requires: ['note'] })),
  { from: 'approved', to: 'in_production', action: 'start_production', actor: 'staff', minimumRole: 'reviewer' },
  { from: 'in_production', to: 'ready_for_pickup', action: 'ready_for_pickup', actor: 'staff', minimumRole: 'reviewer' },
  { from: 'in_production', to: 'mailed', action: 'mail', actor: 'staff', minimumRole: 'reviewer', requires: ['trackingNo'] },
  { from: 'ready_for_pickup', to: 'completed', action: 'complete', actor: 'staff', minimumRole: 'reviewer' },
  { from: 'mailed', to: 'completed', action: 'complete', actor: 'staff', minimumRole: 'reviewer' },
  { from: 'mailed', to: 'completed', action: 'confirm_receipt', actor: 'citizen' },
  ...(['draft', 'awaiting_payment', 'submitted', 'supplement_requested'] as const).map(
    (from): Transition => ({ from, to: 'withdrawn', action: 'withdraw', actor: 'citizen' }),
  ),
  { from: 'draft', to: 'expired', action: 'expire', actor: 'system' },
  { from: 'awaiting_payment', to: 'expired', action: 'payment_expired', actor: 'system' },
];

/** Names of the actions, as buttons and in the timeline. */
const actionLabelsZhCN: Readonly<Record<OrderAction, string>> = {
  submit: '提交申请',
  submit_pay_at_mission: '提交申请（到馆缴费）',
  payment_confirmed: '支付成功',
  mark_paid: '确认已到馆缴费',
  request_supplements: '要求补充材料',
  resubmit: '补充材料后重新提交',
  approve: '审核通过',
  require_interview: '要求视频面审',
  interview_passed: '面审通过',
  reject: '不予受理',
  start_production: '开始制证',
  ready_for_pickup: '制证完成，待领取',
  mail: '已寄出',
  complete: '办结',
  confirm_receipt: '确认收到证件',
  withdraw: '撤回申请',
  expire: '草稿过期',
  payment_expired: '超时未支付',
};

/** In the current language (message-locale.ts): the console's are always 简体. */
export const ORDER_ACTION_LABELS = localizedMessages<Readonly<Record<OrderAction, string>>>({
  'zh-CN': actionLabelsZhCN,
  'zh-Hant': {
    submit: '提交申請',
    submit_pay_at_mission: '提交申請（到館繳費）',
    payment_confirmed: '支付成功',
    mark_paid: '確認已到館繳費',
    request_supplements: '要求補充材料',
    resubmit: '補充材料後重新提交',
    approve: '審核通過',
    require_interview: '要求視訊面審',
    interview_passed: '面審通過',
    reject: '不予受理',
    start_production: '開始製證',
    ready_for_pickup: '製證完成，待領取',
    mail: '已寄出',
    complete: '辦結',
    confirm_receipt: '確認收到證件',
    withdraw: '撤回申請',
    expire: '草稿過期',
    payment_expired: '逾時未支付',
  },
  en: {
    submit: 'Application submitted',
    submit_pay_at_mission: 'Application submitted (pay at the mission)',
    payment_confirmed: 'Payment received',
    mark_paid: 'Payment at the mission confirmed',
    request_supplements: 'Further documents requested',
    resubmit: 'Resubmitted with further documents',
    approve: 'Approved',
    require_interview: 'Video interview required',
    interview_passed: 'Interview passed',
    reject: 'Not accepted',
    start_production: 'Production started',
    ready_for_pickup: 'Ready for collection',
    mail: 'Posted',
    complete: 'Completed',
    confirm_receipt: 'Receipt confirmed',
    withdraw: 'Application withdrawn',
    expire: 'Draft expired',
    payment_expired: 'Not paid in time',
  },
});

const orderMessagesZhCN = {
  impossible: (from: string, action: string) => `当前状态（${statusLabel(from)}）下不能执行“${action}”`,
  withdrawNotAllowed: '当前状态下不能撤回该申请',
  roleTooLow: '该操作需要主管权限',
  noteRequired: '请填写说明或理由',
  itemsRequired: '请选择需要补充的材料',
  trackingNoRequired: '请填写快递单号',
  versionConflict: '该申请已被其他人更新，请刷新后重试',
  supplementsMissing: '请先上传所有需要补充的材料',
  interviewHeld: '面审已完成，等待审核结果',
} as const;

/** The machine's refusals and notices, in the current language. */
export const orderMessages = localizedMessages<Widen<typeof orderMessagesZhCN>>({
  'zh-CN': orderMessagesZhCN,
  'zh-Hant': {
    impossible: (from: string, action: string) => `當前狀態（${statusLabel(from)}）下不能執行「${action}」`,
    withdrawNotAllowed: '當前狀態下不能撤回該申請',
    roleTooLow: '該操作需要主管許可權',
    noteRequired: '請填寫說明或理由',
    itemsRequired: '請選擇需要補充的材料',
    trackingNoRequired: '請填寫快遞單號',
    versionConflict: '該申請已被其他人更新，請重新整理後重試',
    supplementsMissing: '請先上傳所有需要補充的材料',
    interviewHeld: '面審已完成，等待審核結果',
  },
  en: {
    impossible: (from: string, action: string) => `"${action}" is not possible in the current status (${statusLabel(from)})`,
    withdrawNotAllowed: 'This application cannot be withdrawn in its current status',
    roleTooLow: 'This action needs a supervisor',
    noteRequired: 'Please give an explanation or reason',
    itemsRequired: 'Please choose the documents to be supplied',
    trackingNoRequired: 'Please enter the tracking number',
    versionConflict: 'This application has been updated by someone else. Please refresh and try again',
    supplementsMissing: 'Please upload all the requested documents first',
    interviewHeld: 'The interview has taken place; the decision is pending',
  },
});

const hintsZhCN = {
  draft: '申请尚未提交，请继续填写并提交',
  awaitingPayment: '请完成支付，支付成功后进入审核',
  inReview: '使领馆正在审核您的申请，请耐心等待',
  supplementRequested: '请按要求上传补充材料并重新提交，提交后按原顺序继续审核',
  secondReview: '初审已通过，使领馆正在复审',
  interviewBooked: (at: string) => `已预约视频面审：${at}，届时请在订单详情中进入面审`,
  interviewToBook: '请预约视频面审时间，届时使领馆工作人员将与您视频通话',
  mailOldPassport: (orderNo: string) => `审核已通过。请将旧护照寄至使领馆，并附纸条注明申请人姓名和订单号${orderNo ? `（${orderNo}）` : ''}`,
  approved: '审核已通过，等待制证',
  inProductionMail: '证件制作中，制作完成后将邮寄给您',
  inProductionPickup: '证件制作中，制作完成后将通知您领取',
  readyForPickup: '证件已制作完成，请携带有效身份证件（及旧护照，如有）到使领馆领取',
  mailed: '证件已寄出，请留意查收，可凭快递单号查询物流',
  atAuthority: '已提交主管部门办理，请耐心等待结果',
  completed: '已办结',
  rejectedNoRefund: '申请不予受理，详见使领馆说明',
  rejectedRefund: '申请不予受理，详见使领馆说明；已缴费用将按规定退还',
  withdrawn: '申请已撤回',
  returned: '申请已退回，详见使领馆说明',
  orderExpired: '订单超时未支付已关闭，如需办理请重新申请',
  draftExpired: '草稿已过期，请重新填写申请',
} as const;

/** What happens next, per status, in the current language (the order list, detail and 需要您处理). */
export const nextStepMessages = localizedMessages<Widen<typeof hintsZhCN>>({
  'zh-CN': hintsZhCN,
  'zh-Hant': {
    draft: '申請尚未提交，請繼續填寫並提交',
    awaitingPayment: '請完成支付，支付成功後進入審核',
    inReview: '使領館正在審核您的申請，請耐心等待',
    supplementRequested: '請按要求上傳補充材料並重新提交，提交後按原順序繼續審核',
    secondReview: '初審已通過，使領館正在複審',
    interviewBooked: (at: string) => `已預約視訊面審：${at}，屆時請在訂單詳情中進入面審`,
    interviewToBook: '請預約視訊面審時間，屆時使領館工作人員將與您視訊通話',
    mailOldPassport: (orderNo: string) => `審核已通過。請將舊護照寄至使領館，並附紙條註明申請人姓名和訂單號${orderNo ? `（${orderNo}）` : ''}`,
    approved: '審核已通過，等待製證',
    inProductionMail: '證件製作中，製作完成後將郵寄給您',
    inProductionPickup: '證件製作中，製作完成後將通知您領取',
    readyForPickup: '證件已製作完成，請攜帶有效身分證件（及舊護照，如有）到使領館領取',
    mailed: '證件已寄出，請留意查收，可憑快遞單號查詢物流',
    atAuthority: '已提交主管部門辦理，請耐心等待結果',
    completed: '已辦結',
    rejectedNoRefund: '申請不予受理，詳見使領館說明',
    rejectedRefund: '申請不予受理，詳見使領館說明；已繳費用將按規定退還',
    withdrawn: '申請已撤回',
    returned: '申請已退回，詳見使領館說明',
    orderExpired: '訂單逾時未支付已關閉，如需辦理請重新申請',
    draftExpired: '草稿已過期，請重新填寫申請',
  },
  en: {
    draft: 'Not submitted yet. Please continue filling in the application and submit it',
    awaitingPayment: 'Please complete the payment; the review starts once it is paid',
    inReview: 'The embassy or consulate is reviewing your application. Please wait',
    supplementRequested: 'Please upload the requested documents and resubmit; the review then continues in your original place',
    secondReview: 'The first review is passed; the embassy or consulate is doing the second review',
    interviewBooked: (at: string) => `Video interview booked: ${at}. At that time, join it from the order details`,
    interviewToBook: 'Please book a time for the video interview, when consular staff will call you by video',
    mailOldPassport: (orderNo: string) => `Approved. Please post your old passport to the embassy or consulate with a note giving the applicant's name and the order number${orderNo ? ` (${orderNo})` : ''}`,
    approved: 'Approved; waiting for the document to be produced',
    inProductionMail: 'Your document is being produced and will be posted to you when ready',
    inProductionPickup: 'Your document is being produced; you will be told when to collect it',
    readyForPickup: 'Your document is ready. Please collect it at the embassy or consulate with valid ID (and your old passport, if any)',
    mailed: 'Your document has been posted. Please watch for it; you can track it with the tracking number',
    atAuthority: 'Passed to the competent authority. Please wait for the result',
    completed: 'Completed',
    rejectedNoRefund: 'The application was not accepted; see the embassy or consulate\'s explanation',
    rejectedRefund: 'The application was not accepted; see the embassy or consulate\'s explanation. Fees paid will be refunded as the rules provide',
    withdrawn: 'The application was withdrawn',
    returned: 'The application was returned; see the embassy or consulate\'s explanation',
    orderExpired: 'The order was closed because it was not paid in time. To proceed, please apply again',
    draftExpired: 'The draft has expired. Please fill in the application again',
  },
});

const RANK: Record<StaffRoleName, number> = { reviewer: 1, supervisor: 2, admin: 3 };

export interface ServiceLike {
  id: string;
  rules: Pick<ServiceDefinition['rules'], 'withdrawableStatuses' | 'refundable' | 'workflow'>;
  messages?: ServiceDefinition['messages'];
  actionLabels?: ServiceDefinition['actionLabels'];
}

/** The transitions of the service's workflow: its own, or the standard order workflow. */
export function workflowOf(service?: ServiceLike): readonly Transition[] {
  return (service?.rules.workflow as readonly Transition[] | undefined) ?? ORDER_TRANSITIONS;
}

/** Every transition out of `status` for `action`, regardless of actor. */
export function transitionsFor(status: string, action: string, service?: ServiceLike): Transition[] {
  return workflowOf(service).filter((t) => t.from === status && t.action === action);
}

/** An action's name as staff and citizens read it (a service may name its own actions). */
export function actionLabel(action: string, service?: Pick<ServiceLike, 'actionLabels'>): string {
  return service?.actionLabels?.[action] ?? (ORDER_ACTION_LABELS as Record<string, string>)[action] ?? action;
}

/**
 * The citizen's submission: the draft's transition whose guard holds (paying online or not,
 * interview required or not). Null when the workflow has none for these facts.
 */
export function submissionTransition(service: ServiceLike | undefined, facts: { paysOnline: boolean; interviewRequired: boolean }): Transition | null {
  return (
    workflowOf(service).find(
      (t) =>
        t.from === 'draft' &&
        t.actor === 'citizen' &&
        t.action !== 'withdraw' &&
        (t.guard?.paysOnline === undefined || t.guard.paysOnline === facts.paysOnline) &&
        (t.guard?.interviewRequired === undefined || t.guard.interviewRequired === facts.interviewRequired),
    ) ?? null
  );
}

function serviceAllows(t: Transition, service?: ServiceLike): boolean {
  if (t.action !== 'withdraw') return true;
  return service ? service.rules.withdrawableStatuses.includes(t.from) : t.from === 'draft';
}

function roleAllows(t: Transition, actor: ActorKind, role?: StaffRoleName): boolean {
  if (t.actor !== actor) return false;
  if (actor !== 'staff' || !t.minimumRole) return true;
  return role !== undefined && RANK[role] >= RANK[t.minimumRole];
}

export interface AllowedAction {
  action: OrderAction;
  label: string;
  to: ApplicationStatus;
  toLabel: string;
  requires: readonly Requirement[];
}

/** What `actor` (with `role`, for staff) may do now. */
export function allowedActions(status: string, actor: ActorKind, role?: StaffRoleName, service?: ServiceLike): AllowedAction[] {
  return workflowOf(service).filter((t) => t.from === status && roleAllows(t, actor, role) && serviceAllows(t, service)).map((t) => ({
    action: t.action,
    label: actionLabel(t.action, service),
    to: t.to,
    toLabel: statusLabel(t.to),
    requires: t.requires ?? [],
  }));
}

export type TransitionCheck =
  | { ok: true; transition: Transition }
  | { ok: false; reason: 'impossible' | 'forbidden' | 'not_allowed_for_service'; message: string };

/**
 * Whether `actor` may do `action` from `status`. 'forbidden' = the transition exists for
 * this actor kind, but the staff role is too low (HTTP 403); anything else is 409.
 */
export function checkTransition(status: string, action: string, actor: ActorKind, role?: StaffRoleName, service?: ServiceLike): TransitionCheck {
  const label = actionLabel(action, service);
  const candidates = transitionsFor(status, action, service).filter((t) => t.actor === actor);
  if (candidates.length === 0) return { ok: false, reason: 'impossible', message: orderMessages.impossible(status, label) };
  const byService = candidates.filter((t) => serviceAllows(t, service));
  if (byService.length === 0) {
    const message = (action === 'withdraw' && service?.messages?.withdrawRefused) || orderMessages.withdrawNotAllowed;
    return { ok: false, reason: 'not_allowed_for_service', message };
  }
  const permitted = byService.find((t) => roleAllows(t, actor, role));
  if (!permitted) return { ok: false, reason: 'forbidden', message: orderMessages.roleTooLow };
  return { ok: true, transition: permitted };
}

export function canTransition(status: string, action: string, actor: ActorKind, role?: StaffRoleName, service?: ServiceLike): boolean {
  return checkTransition(status, action, actor, role, service).ok;
}

/** Checks the fields a transition requires; returns field → message (empty when fine). */
export function missingRequirements(
  t: Pick<Transition, 'requires'>,
  input: { note?: string | null; items?: readonly string[] | null; trackingNo?: string | null },
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const need of t.requires ?? []) {
    if (need === 'note' && !input.note?.trim()) errors.note = orderMessages.noteRequired;
    if (need === 'items' && !(input.items && input.items.length > 0)) errors.items = orderMessages.itemsRequired;
    if (need === 'trackingNo' && !input.trackingNo?.trim()) errors.trackingNo = orderMessages.trackingNoRequired;
  }
  return errors;
}

/** Every status the machine can reach from draft (for property tests and documentation). */
export const MACHINE_STATUSES: readonly ApplicationStatus[] = Array.from(
  new Set(ORDER_TRANSITIONS.flatMap((t) => [t.from, t.to])),
) as ApplicationStatus[];

export interface NextStepHint {
  /** Who acts next. */
  who: 'citizen' | 'mission' | 'none';
  /** What the citizen must do, if anything: pay, supplement, interview, mail_passport, collect, receive. */
  todo: 'pay' | 'continue' | 'supplement' | 'interview' | 'mail_passport' | 'collect' | 'receive' | null;
  /** One sentence for the order list / detail page. */
  text: string;
}

export interface HintContext {
  /** Answer `materialsSubmission === 'mail_old_passport'` (passport): the old passport is mailed after 待制证. */
  mailOldPassport?: boolean;
  orderNo?: string | null;
  /** 'mission' | 'mail' (collection method). */
  collection?: string | null;
  /** Whether the service refunds fees on rejection (emergency: no). */
  refundable?: boolean;
  /** 待视频面审 with a booked slot: when, at the mission (e.g. '12月7日 周一 09:00（纽约时间）'). */
  interviewAt?: string | null;
  /** 待视频面审 and the interview took place (call ended): no new booking, staff decide next. */
  interviewHeld?: boolean;
  /** The service's own sentences per status (its text map's statusHints). */
  statusHints?: Readonly<Record<string, string>>;
}

/** What happens next, and what the citizen must do, for a status. */
export function nextStepHint(status: string, context: HintContext = {}): NextStepHint {
  const hint = standardHint(status, context);
  const own = context.statusHints?.[status];
  // A booked interview's time is worth more than the service's general sentence.
  return own && !(status === 'interview' && context.interviewAt) ? { ...hint, text: own } : hint;
}

function standardHint(status: string, context: HintContext): NextStepHint {
  const h = nextStepMessages;
  switch (status) {
    case 'draft':
      return { who: 'citizen', todo: 'continue', text: h.draft };
    case 'awaiting_payment':
      return { who: 'citizen', todo: 'pay', text: h.awaitingPayment };
    case 'submitted':
    case 'first_review':
      return { who: 'mission', todo: null, text: h.inReview };
    case 'supplement_requested':
      return { who: 'citizen', todo: 'supplement', text: h.supplementRequested };
    case 'second_review':
      return { who: 'mission', todo: null, text: h.secondReview };
    case 'interview':
      if (context.interviewHeld) return { who: 'mission', todo: null, text: orderMessages.interviewHeld };
      return context.interviewAt
        ? { who: 'citizen', todo: 'interview', text: h.interviewBooked(context.interviewAt) }
        : { who: 'citizen', todo: 'interview', text: h.interviewToBook };
    case 'approved':
      return context.mailOldPassport
        ? {
            who: 'citizen',
            todo: 'mail_passport',
            text: h.mailOldPassport(context.orderNo ?? ''),
          }
        : { who: 'mission', todo: null, text: h.approved };
    case 'in_production':
      return { who: 'mission', todo: null, text: context.collection === 'mail' ? h.inProductionMail : h.inProductionPickup };
    case 'ready_for_pickup':
      return { who: 'citizen', todo: 'collect', text: h.readyForPickup };
    case 'mailed':
      return { who: 'citizen', todo: 'receive', text: h.mailed };
    case 'at_authority':
      return { who: 'mission', todo: null, text: h.atAuthority };
    case 'completed':
      return { who: 'none', todo: null, text: h.completed };
    case 'rejected':
      return {
        who: 'none',
        todo: null,
        text: context.refundable === false ? h.rejectedNoRefund : h.rejectedRefund,
      };
    case 'withdrawn':
      return { who: 'none', todo: null, text: h.withdrawn };
    case 'returned':
      return { who: 'none', todo: null, text: h.returned };
    case 'expired':
      // A submitted order (it has a number) expires only unpaid; a draft, unsaved.
      return context.orderNo
        ? { who: 'none', todo: null, text: h.orderExpired }
        : { who: 'none', todo: null, text: h.draftExpired };
    default:
      return { who: 'none', todo: null, text: '' };
  }
}

/** Statuses the citizen's order sits in a reviewer's queue with (for the console's filter). */
export const QUEUE_STATUSES: readonly ApplicationStatus[] = [
  'submitted',
  'supplement_requested',
  'second_review',
  'interview',
  'approved',
  'in_production',
  'ready_for_pickup',
  'mailed',
  'at_authority',
  'awaiting_payment',
];
