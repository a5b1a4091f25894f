import type { AppointmentKind } from '../../miniprogram/domain/appointments';
import { APPOINTMENT_KIND_LABELS } from '../../contracts/appointments';
import { localizedMessages, messageLocale, type MessageLocale } from '../../miniprogram/domain/message-locale';
import { statusLabel } from '../../miniprogram/domain/services/application-status';
import { actionLabel, nextStepHint } from '../../miniprogram/domain/services/order-state-machine';
import { findApplicationService } from '../../miniprogram/domain/services/service-registry';
import { dayIn, type MessageWhen, printedDateIn, whenIn } from './message-dates';
import { supplementItemLabel } from './supplements';

/**
 * Everything the server writes into a citizen's 消息中心, in 简体中文, 繁體中文 and English
 * (docs/languages.md). A message is stored as a key of this catalogue and its parameters —
 * codes (a status, an action, a service, a document, an appointment kind) and data (order
 * numbers, names, dates, what staff wrote) — beside its 简体 text. The text is rendered from
 * the key when the citizen reads it, in the language of the request; codes become words of
 * that language (the shared status/action tables, the service's text map). Parameters are
 * JSON: a stored message must render the same way after a restart.
 */

type Text = { title: string; body: string };

/** The status change's parameters: what happened and the facts its next-step sentence needs. */
export interface StatusChangeParams {
  service: string;
  orderNo: string | null;
  action: string;
  to: string;
  /** request_supplements: the items asked for (document ids or 'other'). */
  items: string[];
  note: string | null;
  /** The note is the mission's (staff) rather than the system's. */
  noteByMission: boolean;
  trackingNo: string | null;
  refundable: boolean;
  mailOldPassport: boolean;
  collection: string | null;
}

/** The service, its status/action names and next step in the language being rendered. */
function statusChange(p: StatusChangeParams) {
  const service = findApplicationService(p.service, messageLocale());
  const hint = nextStepHint(p.to, {
    orderNo: p.orderNo,
    refundable: p.refundable,
    mailOldPassport: p.mailOldPassport,
    collection: p.collection,
    statusHints: service?.statusHints,
  });
  return {
    serviceTitle: service?.title ?? '',
    status: statusLabel(p.to, service),
    action: actionLabel(p.action, service),
    items: p.action === 'request_supplements' && service ? p.items.map((item) => supplementItemLabel(service, item)) : null,
    trackingNo: p.action === 'mail' ? p.trackingNo : null,
    hint: hint.text,
  };
}

const lines = (...parts: Array<string | false | null | undefined>) => parts.filter((part): part is string => !!part).join('\n');

/**
 * An appointment kind in the language being rendered: 简体 from the shared kind table; 繁體 and
 * English here (the mini-program's appointment page names them in its own catalogue).
 */
const KIND_NAMES: Readonly<Record<MessageLocale, Readonly<Record<AppointmentKind, string>>>> = {
  'zh-CN': APPOINTMENT_KIND_LABELS,
  'zh-Hant': { video_interview: '視訊面審', fingerprints: '採集指紋', pickup: '到館領取證件' },
  en: { video_interview: 'Video interview', fingerprints: 'Fingerprinting', pickup: 'Collect your document in person' },
};
const kindName = (kind: AppointmentKind) => KIND_NAMES[messageLocale()][kind];

const zhCN = {
  statusChange: (p: StatusChangeParams): Text => {
    const s = statusChange(p);
    return {
      title: `${s.action}：${s.status}`,
      body: lines(
        `您的${s.serviceTitle}申请${p.orderNo ? `（订单号 ${p.orderNo}）` : ''}状态已更新为“${s.status}”。`,
        s.items && `需补充：${s.items.join('、')}。`,
        p.note && `${p.noteByMission ? '使领馆说明' : '说明'}：${p.note}`,
        s.trackingNo && `快递单号：${s.trackingNo}`,
        s.hint,
      ),
    };
  },
  missionNote: (p: { orderNo: string | null; note: string }): Text => ({
    title: '使领馆留言',
    body: `关于您的申请${p.orderNo ? `（订单号 ${p.orderNo}）` : ''}：${p.note}`,
  }),
  interviewBooked: (p: { when: MessageWhen }): Text => ({
    title: '视频面审预约成功',
    body: `您已预约视频面审：${whenIn('zh-CN', p.when)}。届时请打开“中国领事”小程序，在订单详情中进入面审。`,
  }),
  interviewCancelledByCitizen: (p: { when: MessageWhen }): Text => ({
    title: '视频面审预约已取消',
    body: `您已取消 ${whenIn('zh-CN', p.when)} 的视频面审预约，请重新预约。`,
  }),
  interviewCancelledByMission: (p: { when: MessageWhen; note: string }): Text => ({
    title: '使领馆取消了您的面审时段',
    body: `您预约的 ${whenIn('zh-CN', p.when)} 视频面审已被使领馆取消${p.note ? `（${p.note}）` : ''}，请重新预约。`,
  }),
  interviewMissed: (p: { when: MessageWhen; note: string }): Text => ({
    title: '您未参加视频面审',
    body: `您未参加 ${whenIn('zh-CN', p.when)} 的视频面审，请重新预约。${p.note ? `（${p.note}）` : ''}`,
  }),
  interviewCallStarted: (_p: Record<string, never>): Text => ({
    title: '视频面审已开始',
    body: '使领馆工作人员已发起视频面审，请尽快在订单详情中进入面审。',
  }),
  interviewReminder: (p: { when: MessageWhen }): Text => ({
    title: '视频面审即将开始',
    body: `您预约的视频面审将于 ${whenIn('zh-CN', p.when)} 开始，请提前打开“中国领事”小程序，在订单详情中等待工作人员发起面审。`,
  }),
  appointmentBooked: (p: { kind: AppointmentKind; when: MessageWhen; address: string; moved: boolean }): Text => ({
    title: p.moved ? '到馆预约已改期' : '到馆预约成功',
    body: `您已预约${kindName(p.kind)}：${whenIn('zh-CN', p.when)}，地点：${p.address}。请携带护照或身份证件，凭预约码到馆。`,
  }),
  appointmentCancelled: (p: { kind: AppointmentKind; when: MessageWhen }): Text => ({
    title: '到馆预约已取消',
    body: `您已取消${whenIn('zh-CN', p.when)}的${kindName(p.kind)}预约。`,
  }),
  appointmentCancelledByMission: (p: { kind: AppointmentKind; when: MessageWhen; note: string }): Text => ({
    title: '到馆预约已取消',
    body: `使领馆取消了您${whenIn('zh-CN', p.when)}的${kindName(p.kind)}预约${p.note ? `（${p.note}）` : ''}，请重新预约。`,
  }),
  appointmentReminder: (p: { kind: AppointmentKind; when: MessageWhen; address: string }): Text => ({
    title: '明日到馆预约提醒',
    body: `提醒：您预约的${kindName(p.kind)}在 ${whenIn('zh-CN', p.when)}，地点：${p.address}。请携带护照或身份证件，凭预约码到馆。`,
  }),
  appointmentNoShow: (p: { kind: AppointmentKind; when: MessageWhen }): Text => ({
    title: '到馆预约未到',
    body: `您未按时前来办理${whenIn('zh-CN', p.when)}的${kindName(p.kind)}，请重新预约。`,
  }),
  appointmentCheckedIn: (p: { kind: AppointmentKind }): Text => ({
    title: '已到馆登记',
    body: `您已完成到馆登记（${kindName(p.kind)}）。`,
  }),
  appointmentMailRequested: (p: { kind: AppointmentKind }): Text => ({
    title: '已提交邮寄办理申请',
    body: `您申请以双向邮寄方式办理“${kindName(p.kind)}”，使领馆审核后会通知您。`,
  }),
  appointmentMailAccepted: (p: { kind: AppointmentKind; note: string }): Text => ({
    title: '同意邮寄办理',
    body: `使领馆同意您以双向邮寄方式办理“${kindName(p.kind)}”，无需到馆。${p.note ? `说明：${p.note}` : ''}`,
  }),
  appointmentMailRefused: (p: { kind: AppointmentKind; note: string }): Text => ({
    title: '未同意邮寄办理',
    body: `使领馆未同意以邮寄方式办理“${kindName(p.kind)}”：${p.note}。请预约到馆时间。`,
  }),
  draftExpiring: (p: { service: string; expiresAt: string; timeZone: string }): Text => ({
    title: '申请草稿即将过期',
    body: `您的${findApplicationService(p.service, 'zh-CN')?.title ?? ''}申请草稿将于${dayIn('zh-CN', new Date(p.expiresAt), p.timeZone)}过期，请尽快完成并提交`,
  }),
  pensionDeadline: (p: { name: string; deadline: string; days: number }): Text => ({
    title: '养老金资格认证即将到期',
    body: `${p.name}的养老金资格认证将于${p.deadline}到期（还有${p.days}天）。请及时重新认证，以免养老金暂停发放：在首页或“我的”点击“重新认证”，只需再做一次人脸核验。`,
  }),
  passportExpiring: (p: { holder: string | null; expiry: string; months: number }): Text => ({
    title: '护照即将到期',
    body: `${p.holder ?? '您'}的护照将于${printedDateIn('zh-CN', p.expiry)}到期（约剩${p.months}个月）。点此查看已为您预填的换发申请，核对后补充新的材料（如证件照、签名）即可提交。`,
  }),
  registrationEnded: (p: { name: string; departure: string }): Text => ({
    title: '海外公民登记已结束',
    body: `${p.name}的海外公民登记因预计离开日期（${p.departure}）已过自动结束。如仍在当地，请重新登记。`,
  }),
  registrationConfirm: (p: { name: string }): Text => ({
    title: '请确认您的海外公民登记',
    body: `${p.name}的登记信息已一年未更新。请进入“我的 — 海外公民登记”确认信息仍然准确，或更新登记。`,
  }),
  /** A safety alert: its title and text are the mission's words, as written. */
  safetyAlert: (p: { title: string; body: string }): Text => ({
    title: p.title,
    body: `${p.body}\n\n请点击回复“我平安”或“需要帮助”。`,
  }),
};

export type MessageCatalogue = typeof zhCN;

const zhHant: MessageCatalogue = {
  statusChange: (p) => {
    const s = statusChange(p);
    return {
      title: `${s.action}：${s.status}`,
      body: lines(
        `您的${s.serviceTitle}申請${p.orderNo ? `（訂單號 ${p.orderNo}）` : ''}狀態已更新為「${s.status}」。`,
        s.items && `需補充：${s.items.join('、')}。`,
        p.note && `${p.noteByMission ? '使領館說明' : '說明'}：${p.note}`,
        s.trackingNo && `快遞單號：${s.trackingNo}`,
        s.hint,
      ),
    };
  },
  missionNote: (p) => ({ title: '使領館留言', body: `關於您的申請${p.orderNo ? `（訂單號 ${p.orderNo}）` : ''}：${p.note}` }),
  interviewBooked: (p) => ({
    title: '視訊面審預約成功',
    body: `您已預約視訊面審：${whenIn('zh-Hant', p.when)}。屆時請開啟「中國領事」小程式，在訂單詳情中進入面審。`,
  }),
  interviewCancelledByCitizen: (p) => ({ title: '視訊面審預約已取消', body: `您已取消 ${whenIn('zh-Hant', p.when)} 的視訊面審預約，請重新預約。` }),
  interviewCancelledByMission: (p) => ({
    title: '使領館取消了您的面審時段',
    body: `您預約的 ${whenIn('zh-Hant', p.when)} 視訊面審已被使領館取消${p.note ? `（${p.note}）` : ''}，請重新預約。`,
  }),
  interviewMissed: (p) => ({ title: '您未參加視訊面審', body: `您未參加 ${whenIn('zh-Hant', p.when)} 的視訊面審，請重新預約。${p.note ? `（${p.note}）` : ''}` }),
  interviewCallStarted: () => ({ title: '視訊面審已開始', body: '使領館工作人員已發起視訊面審，請盡快在訂單詳情中進入面審。' }),
  interviewReminder: (p) => ({
    title: '視訊面審即將開始',
    body: `您預約的視訊面審將於 ${whenIn('zh-Hant', p.when)} 開始，請提前開啟「中國領事」小程式，在訂單詳情中等待工作人員發起面審。`,
  }),
  appointmentBooked: (p) => ({
    title: p.moved ? '到館預約已改期' : '到館預約成功',
    body: `您已預約${kindName(p.kind)}：${whenIn('zh-Hant', p.when)}，地點：${p.address}。請攜帶護照或身分證件，憑預約碼到館。`,
  }),
  appointmentCancelled: (p) => ({ title: '到館預約已取消', body: `您已取消${whenIn('zh-Hant', p.when)}的${kindName(p.kind)}預約。` }),
  appointmentCancelledByMission: (p) => ({
    title: '到館預約已取消',
    body: `使領館取消了您${whenIn('zh-Hant', p.when)}的${kindName(p.kind)}預約${p.note ? `（${p.note}）` : ''}，請重新預約。`,
  }),
  appointmentReminder: (p) => ({
    title: '明日到館預約提醒',
    body: `提醒：您預約的${kindName(p.kind)}在 ${whenIn('zh-Hant', p.when)}，地點：${p.address}。請攜帶護照或身分證件，憑預約碼到館。`,
  }),
  appointmentNoShow: (p) => ({ title: '到館預約未到', body: `您未按時前來辦理${whenIn('zh-Hant', p.when)}的${kindName(p.kind)}，請重新預約。` }),
  appointmentCheckedIn: (p) => ({ title: '已到館登記', body: `您已完成到館登記（${kindName(p.kind)}）。` }),
  appointmentMailRequested: (p) => ({ title: '已提交郵寄辦理申請', body: `您申請以雙向郵寄方式辦理「${kindName(p.kind)}」，使領館審核後會通知您。` }),
  appointmentMailAccepted: (p) => ({
    title: '同意郵寄辦理',
    body: `使領館同意您以雙向郵寄方式辦理「${kindName(p.kind)}」，無需到館。${p.note ? `說明：${p.note}` : ''}`,
  }),
  appointmentMailRefused: (p) => ({ title: '未同意郵寄辦理', body: `使領館未同意以郵寄方式辦理「${kindName(p.kind)}」：${p.note}。請預約到館時間。` }),
  draftExpiring: (p) => ({
    title: '申請草稿即將過期',
    body: `您的${findApplicationService(p.service, 'zh-Hant')?.title ?? ''}申請草稿將於${dayIn('zh-Hant', new Date(p.expiresAt), p.timeZone)}過期，請盡快完成並提交`,
  }),
  pensionDeadline: (p) => ({
    title: '養老金資格認證即將到期',
    body: `${p.name}的養老金資格認證將於${p.deadline}到期（還有${p.days}天）。請及時重新認證，以免養老金暫停發放：在首頁或「我的」點選「重新認證」，只需再做一次人臉核驗。`,
  }),
  passportExpiring: (p) => ({
    title: '護照即將到期',
    body: `${p.holder ?? '您'}的護照將於${printedDateIn('zh-Hant', p.expiry)}到期（約剩${p.months}個月）。點此查看已為您預填的換發申請，核對後補充新的材料（如證件照、簽名）即可提交。`,
  }),
  registrationEnded: (p) => ({
    title: '海外公民登記已結束',
    body: `${p.name}的海外公民登記因預計離開日期（${p.departure}）已過自動結束。如仍在當地，請重新登記。`,
  }),
  registrationConfirm: (p) => ({
    title: '請確認您的海外公民登記',
    body: `${p.name}的登記資訊已一年未更新。請進入「我的 — 海外公民登記」確認資訊仍然準確，或更新登記。`,
  }),
  safetyAlert: (p) => ({ title: p.title, body: `${p.body}\n\n請點擊回覆「我平安」或「需要幫助」。` }),
};

const en: MessageCatalogue = {
  statusChange: (p) => {
    const s = statusChange(p);
    return {
      title: `${s.action}: ${s.status}`,
      body: lines(
        `Your ${s.serviceTitle} application${p.orderNo ? ` (order ${p.orderNo})` : ''} is now “${s.status}”.`,
        s.items && `Please supply: ${s.items.join('; ')}.`,
        p.note && `${p.noteByMission ? 'From the embassy or consulate' : 'Note'}: ${p.note}`,
        s.trackingNo && `Tracking number: ${s.trackingNo}`,
        s.hint,
      ),
    };
  },
  missionNote: (p) => ({ title: 'Message from the embassy or consulate', body: `About your application${p.orderNo ? ` (order ${p.orderNo})` : ''}: ${p.note}` }),
  interviewBooked: (p) => ({
    title: 'Video interview booked',
    body: `Your video interview is booked for ${whenIn('en', p.when)}. At that time, open the China Consular mini-program and join the interview from the order details.`,
  }),
  interviewCancelledByCitizen: (p) => ({ title: 'Video interview cancelled', body: `You cancelled your video interview on ${whenIn('en', p.when)}. Please book a new time.` }),
  interviewCancelledByMission: (p) => ({
    title: 'The embassy or consulate cancelled your interview time',
    body: `Your video interview on ${whenIn('en', p.when)} was cancelled by the embassy or consulate${p.note ? ` (${p.note})` : ''}. Please book a new time.`,
  }),
  interviewMissed: (p) => ({ title: 'You missed your video interview', body: `You did not attend the video interview on ${whenIn('en', p.when)}. Please book a new time.${p.note ? ` (${p.note})` : ''}` }),
  interviewCallStarted: () => ({ title: 'Video interview started', body: 'Consular staff have started the video interview. Please join it from the order details now.' }),
  interviewReminder: (p) => ({
    title: 'Video interview soon',
    body: `Your video interview starts at ${whenIn('en', p.when)}. Please open the China Consular mini-program in good time and wait in the order details for staff to start it.`,
  }),
  appointmentBooked: (p) => ({
    title: p.moved ? 'Appointment moved' : 'Appointment booked',
    body: `You have booked ${kindName(p.kind)}: ${whenIn('en', p.when)}, at ${p.address}. Please bring your passport or ID and your booking code.`,
  }),
  appointmentCancelled: (p) => ({ title: 'Appointment cancelled', body: `You cancelled your ${kindName(p.kind)} appointment on ${whenIn('en', p.when)}.` }),
  appointmentCancelledByMission: (p) => ({
    title: 'Appointment cancelled',
    body: `The embassy or consulate cancelled your ${kindName(p.kind)} appointment on ${whenIn('en', p.when)}${p.note ? ` (${p.note})` : ''}. Please book a new time.`,
  }),
  appointmentReminder: (p) => ({
    title: 'Appointment tomorrow',
    body: `Reminder: your ${kindName(p.kind)} appointment is at ${whenIn('en', p.when)}, at ${p.address}. Please bring your passport or ID and your booking code.`,
  }),
  appointmentNoShow: (p) => ({ title: 'Missed appointment', body: `You did not come to your ${kindName(p.kind)} appointment on ${whenIn('en', p.when)}. Please book a new time.` }),
  appointmentCheckedIn: (p) => ({ title: 'Checked in', body: `You have checked in at the embassy or consulate (${kindName(p.kind)}).` }),
  appointmentMailRequested: (p) => ({
    title: 'Request to do it by post sent',
    body: `You asked to do “${kindName(p.kind)}” by post both ways. The embassy or consulate will let you know its decision.`,
  }),
  appointmentMailAccepted: (p) => ({
    title: 'Doing it by post accepted',
    body: `The embassy or consulate agreed that you do “${kindName(p.kind)}” by post both ways; you need not come in.${p.note ? ` Note: ${p.note}` : ''}`,
  }),
  appointmentMailRefused: (p) => ({
    title: 'Doing it by post not accepted',
    body: `The embassy or consulate did not agree to “${kindName(p.kind)}” by post: ${p.note}. Please book a time to come in.`,
  }),
  draftExpiring: (p) => ({
    title: 'Your draft application expires soon',
    body: `Your ${findApplicationService(p.service, 'en')?.title ?? ''} draft application expires on ${dayIn('en', new Date(p.expiresAt), p.timeZone)}. Please complete and submit it soon`,
  }),
  pensionDeadline: (p) => ({
    title: 'Pension eligibility certification due soon',
    body: `The pension eligibility certification of ${p.name} expires on ${printedDateIn('en', p.deadline)} (${p.days} days left). Please certify again in time so the pension is not suspended: tap “Certify again” on the home page or under “Me”; only one more face verification is needed.`,
  }),
  passportExpiring: (p) => ({
    title: 'Passport expires soon',
    body: `${p.holder ? `The passport of ${p.holder}` : 'Your passport'} expires on ${printedDateIn('en', p.expiry)} (about ${p.months} months left). Tap to see the renewal application we have filled in for you; check it, add the new documents (such as the photo and signature) and submit.`,
  }),
  registrationEnded: (p) => ({
    title: 'Overseas citizen registration ended',
    body: `The overseas citizen registration of ${p.name} ended automatically because the expected departure date (${printedDateIn('en', p.departure)}) has passed. If still there, please register again.`,
  }),
  registrationConfirm: (p) => ({
    title: 'Please confirm your overseas citizen registration',
    body: `The registration of ${p.name} has not been updated for a year. Please go to “Me — Overseas citizen registration” to confirm it is still correct, or update it.`,
  }),
  safetyAlert: (p) => ({ title: p.title, body: `${p.body}\n\nPlease reply “I am safe” or “I need help”.` }),
};

const catalogues: Readonly<Record<MessageLocale, MessageCatalogue>> = { 'zh-CN': zhCN, 'zh-Hant': zhHant, en };

/** The catalogue in the current language (the request's; 简体 outside a request). */
export const messageCatalogue = localizedMessages(catalogues);

export type MessageKey = keyof MessageCatalogue;

/** What a message says: a catalogue key and its parameters (typed per key). */
export type MessageText = { [K in MessageKey]: { key: K; params: Parameters<MessageCatalogue[K]>[0] } }[MessageKey];

/** Title and body of `text` in the current language. */
export function renderMessageText(text: MessageText): Text {
  return (messageCatalogue[text.key] as (params: unknown) => Text)(text.params);
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(zhCN, key);
}
