/**
 * Shapes of the applications API (server/applications), shared by the mini-program's
 * request layer and the server's route schemas.
 */
import type { ApplicationStatus } from './application-status';
import type { ApplicationServiceId } from './definition-types';
import type { FaceStatus, InterviewReason } from './engine';
import type { NextStepHint } from './order-state-machine';
import type { PaymentView } from './payment-api-types';

export interface CreateApplicationRequest {
  service: ApplicationServiceId;
  missionId: string;
}

export interface SaveStepRequest {
  /** This step's fields only; others are ignored. Strings, or booleans for checkboxes. */
  answers: Record<string, string | boolean>;
}

export interface SubmitApplicationRequest {
  /** Emergency travel certificate: the citizen ticked "提交后不可撤回，已缴费用不予退还". */
  confirmNoWithdrawal?: boolean;
}

export interface StartFaceResponse {
  verifyId: string;
  /** Seconds the verifyId stays usable for wx.requestFacialVerify. */
  expiresIn: number;
  attemptsLeft: number;
}

export interface FaceResultRequest {
  verifyId: string;
}

export interface DocumentFinding {
  code: string;
  message: string;
  severity: 'error' | 'advice';
}

export interface UploadedDocument {
  docId: string;
  kind: 'id_photo' | 'image' | 'signature';
  mime: string;
  bytes: number;
  /** False when a check found an error: the upload must be replaced before submitting. */
  ok: boolean;
  findings: DocumentFinding[];
  uploadedAt: string;
  /**
   * Only in the answer to an ID photo upload whose face is fine but whose framing is not: the
   * photo cropped to the mission's spec by the server (base64 JPEG). The citizen accepts it by
   * uploading it in place of the original, or retakes.
   */
  autoCrop?: { jpegBase64: string; width: number; height: number; findings: DocumentFinding[] };
}

export interface ApplicationSummary {
  id: string;
  service: ApplicationServiceId;
  serviceTitle: string;
  missionId: string;
  status: ApplicationStatus;
  statusLabel: string;
  /** Set on submission; the number the citizen quotes. */
  orderNo: string | null;
  /** Where to resume (the step after the last one saved, never past the first incomplete). */
  currentStep: string;
  createdAt: string;
  updatedAt: string;
  /** Drafts only: when the draft is deleted unless saved again. */
  expiresAt: string | null;
  submittedAt: string | null;
  /** What happens next / what the citizen must do (order-state-machine.ts nextStepHint). */
  nextStep?: NextStepHint;
}

export interface ApplicationDetail extends ApplicationSummary {
  /** Everything saved so far (normalized by the engine). */
  answers: Record<string, string | boolean>;
  /** Step ids on the citizen's path given the answers. */
  path: string[];
  /** First step on the path that is not complete; null when ready to submit. */
  firstIncompleteStep: string | null;
  documents: UploadedDocument[];
  face: { status: FaceStatus | null; attemptsLeftToday: number };
  interviewReasons: InterviewReason[];
  interviewRequired: boolean;
  /** Fee codes; amounts are per-mission configuration (GET /api/applications/:id/fee). */
  fees: string[];
  /** Orders: the payment (amount fixed at submission, state, refunds); null for drafts. */
  payment?: PaymentView | null;
}

export interface ApplicationList {
  applications: ApplicationSummary[];
}

/** The body of a 400 SUBMISSION_INCOMPLETE: what is still missing, by step. */
export interface SubmissionProblems {
  stepErrors: Record<string, Record<string, string>>;
  missingDocuments: Array<{ id: string; label: string; step: string; message: string }>;
  face: string | null;
}
