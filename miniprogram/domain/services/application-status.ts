import { localizedMessages } from '../message-locale';

/**
 * Order statuses in the real service's own words (DOMAIN.md). The full list is data so
 * the order list, the status timeline and the console share it; the server sets only
 * the first few so far (draft → awaiting_payment / submitted, withdrawn, expired).
 */
export type ApplicationStatus =
  | 'draft'
  | 'awaiting_payment'
  | 'submitted'
  | 'first_review'
  | 'supplement_requested'
  | 'second_review'
  | 'interview'
  | 'approved'
  | 'in_production'
  | 'ready_for_pickup'
  | 'mailed'
  | 'at_authority'
  | 'completed'
  | 'rejected'
  | 'returned'
  | 'withdrawn'
  | 'expired';

export interface StatusInfo {
  id: ApplicationStatus;
  labelZh: string;
  /**
   * Holds the applicant's one active application for the service (one applicant, one
   * mission). Drafts do not: a second draft is allowed, its submission is refused.
   */
  active: boolean;
  /** No further change expected. */
  final: boolean;
}

export const APPLICATION_STATUSES: readonly StatusInfo[] = [
  { id: 'draft', labelZh: '待提交', active: false, final: false },
  { id: 'awaiting_payment', labelZh: '待支付', active: true, final: false },
  { id: 'submitted', labelZh: '待审核', active: true, final: false },
  { id: 'first_review', labelZh: '初审中', active: true, final: false },
  { id: 'supplement_requested', labelZh: '待补充材料', active: true, final: false },
  { id: 'second_review', labelZh: '复审中', active: true, final: false },
  { id: 'interview', labelZh: '待视频面审', active: true, final: false },
  { id: 'approved', labelZh: '待制证', active: true, final: false },
  { id: 'in_production', labelZh: '制证中', active: true, final: false },
  { id: 'ready_for_pickup', labelZh: '待领取', active: true, final: false },
  { id: 'mailed', labelZh: '已寄出', active: true, final: false },
  // Handed to an outside authority (pension: the 人社部门), waiting for its answer.
  { id: 'at_authority', labelZh: '办理中', active: true, final: false },
  { id: 'completed', labelZh: '已完成', active: false, final: true },
  { id: 'rejected', labelZh: '不予受理', active: false, final: true },
  { id: 'returned', labelZh: '已退回', active: false, final: true },
  { id: 'withdrawn', labelZh: '已撤回', active: false, final: true },
  { id: 'expired', labelZh: '已过期', active: false, final: true },
];

/** The statuses' names in 繁體中文 and English (简体: the table's labelZh). */
const zhHant: Readonly<Record<ApplicationStatus, string>> = {
  draft: '待提交',
  awaiting_payment: '待支付',
  submitted: '待審核',
  first_review: '初審中',
  supplement_requested: '待補充材料',
  second_review: '複審中',
  interview: '待視訊面審',
  approved: '待製證',
  in_production: '製證中',
  ready_for_pickup: '待領取',
  mailed: '已寄出',
  at_authority: '辦理中',
  completed: '已完成',
  rejected: '不予受理',
  returned: '已退回',
  withdrawn: '已撤回',
  expired: '已過期',
};

const en: Readonly<Record<ApplicationStatus, string>> = {
  draft: 'Not submitted',
  awaiting_payment: 'Awaiting payment',
  submitted: 'Awaiting review',
  first_review: 'First review',
  supplement_requested: 'Documents requested',
  second_review: 'Second review',
  interview: 'Video interview',
  approved: 'Awaiting production',
  in_production: 'In production',
  ready_for_pickup: 'Ready for collection',
  mailed: 'Posted',
  at_authority: 'In progress',
  completed: 'Completed',
  rejected: 'Not accepted',
  returned: 'Returned',
  withdrawn: 'Withdrawn',
  expired: 'Expired',
};

/** The statuses' names in the current language (message-locale.ts): the server's caller's, the mini-program's citizen's. */
export const STATUS_LABELS = localizedMessages<Readonly<Record<ApplicationStatus, string>>>({
  'zh-CN': Object.fromEntries(APPLICATION_STATUSES.map((status) => [status.id, status.labelZh])) as Record<ApplicationStatus, string>,
  'zh-Hant': zhHant,
  en,
});

export function statusInfo(id: string): StatusInfo | undefined {
  return APPLICATION_STATUSES.find((status) => status.id === id);
}

/** The status's name in the current language; a service may name it its own way (pension: 认证中). */
export function statusLabel(id: string, service?: { statusLabels?: Readonly<Record<string, string>> }): string {
  return service?.statusLabels?.[id] ?? (statusInfo(id) ? STATUS_LABELS[id as ApplicationStatus] : id);
}
