/**
 * Shapes of the pension certification API (server/pension, docs/pension.md), shared by the
 * server's schemas and the mini-program's pension pages.
 */

/** One certification (one submitted pension order) as the citizen sees it. */
export interface PensionCertificationView {
  applicationId: string;
  orderNo: string | null;
  status: string;
  statusLabel: string;
  /** What happens next, in a sentence. */
  hint: string;
  person: { name: string; idMasked: string };
  agency: { code: string; name: string } | null;
  submittedAt: string | null;
  /** The result is promised by this date (10 working days after it reached the authority). */
  expectedResultBy: string | null;
  certifiedOn: string | null;
  nextDeadline: string | null;
  /** Why it failed, when it did. */
  reason: string | null;
  /** Waiting at our side because the authority cannot be reached: we keep it queued and say so. */
  queuedNote: string | null;
  /** Refused or failed: the paper form at the mission, with its address and hours. */
  paperForm: { text: string; missionName: string; address: string; hours: string; phone: string } | null;
}

/** A person this account certifies (itself or a family member), with the countdown. */
export interface PensionPerson {
  /** The latest certification's application id (re-certification starts from it). */
  latestApplicationId: string;
  name: string;
  idMasked: string;
  /** Last accepted certification and the deadline it started; null until one is accepted. */
  certifiedOn: string | null;
  nextDeadline: string | null;
  /** Days until nextDeadline (negative: overdue); null without a deadline. */
  daysLeft: number | null;
  /** The latest certification's status. */
  latest: PensionCertificationView;
  /** Every certification of this person by this account, newest first. */
  history: PensionCertificationView[];
  /** One tap re-certifies (the last accepted answers, only the face check again). */
  canRecertify: boolean;
}

export interface PensionPersonList {
  persons: PensionPerson[];
}
