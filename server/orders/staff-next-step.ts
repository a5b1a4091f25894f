import type { StaffRoleName } from '../../miniprogram/domain/services/order-state-machine';
import { staffNextStepMessages as m } from '../workflow/review-messages';

export interface StaffNextStepInput {
  status: string;
  role: StaffRoleName;
  interviewReasons: readonly string[];
  supplementItems: readonly string[];
  interviewAt: string | null;
  interviewHeld: boolean;
  mailOldPassport: boolean;
  collection: string | null;
  refundDue: boolean;
}

/**
 * The console's 下一步: what the member of staff looking at the order must do now. The
 * citizen's hint (nextStepHint) speaks to the applicant and would mislead a reviewer.
 */
export function staffNextStep(input: StaffNextStepInput): string {
  switch (input.status) {
    case 'awaiting_payment':
      return m.awaitingPayment;
    case 'submitted':
    case 'first_review':
      return input.interviewReasons.length ? m.firstReviewInterview(input.interviewReasons.join('、')) : m.firstReview;
    case 'supplement_requested':
      return m.supplementRequested(input.supplementItems.join('、'));
    case 'second_review':
      return input.role === 'reviewer' ? m.secondReviewReviewer : m.secondReviewSupervisor;
    case 'interview':
      if (input.interviewHeld) return m.interviewHeld;
      return input.interviewAt ? m.interviewBooked(input.interviewAt) : m.interviewUnbooked;
    case 'approved':
      return input.mailOldPassport ? m.approvedMailPassport : m.approved;
    case 'in_production':
      return input.collection === 'mail' ? m.inProductionMail : m.inProductionPickup;
    case 'ready_for_pickup':
      return m.readyForPickup;
    case 'mailed':
      return m.mailed;
    case 'rejected':
      return input.refundDue ? m.rejectedRefundDue : m.nothing;
    default:
      return m.nothing;
  }
}
