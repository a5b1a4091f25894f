/**
 * Shapes of the citizen API, shared by the mini-program's request layer and the server's
 * route schemas (which are checked against these types), so the two cannot drift.
 */
import type { ErrorCode } from './error-codes';
import type { IdType } from './identity';

/** Every error body: a stable code for programs (one of ERROR_CODES), a message for people. */
export interface ApiErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    /** Per-field messages for form errors, keyed by the request field. */
    fields?: Record<string, string>;
  };
}

export interface LoginRequest {
  code: string;
}

export interface LoginResponse {
  token: string;
  /** ISO 8601; the token also expires after a period of inactivity. */
  expiresAt: string;
  user: Profile;
}

export interface VerifiedIdentity {
  name: string;
  idType: IdType;
  /** Always masked, e.g. 1101**********002X. The full number never leaves the server. */
  idNumberMasked: string;
  phone: string | null;
  email: string | null;
  verifiedAt: string;
}

export interface Profile {
  id: string;
  identity: VerifiedIdentity | null;
  mission: Mission | null;
}

export type MissionKind = 'embassy' | 'consulate_general';

export interface Mission {
  id: string;
  kind: MissionKind;
  nameZh: string;
  nameEn: string;
  countryCode: string;
  countryZh: string;
  cityZh: string;
  cityEn: string;
  addressZh: string;
  addressEn: string;
  phone: string;
  /** Office hours as staff wrote them, in the mission's local time. */
  hoursZh: string;
  /** IANA time zone, e.g. America/New_York. */
  timezone: string;
  /** Consular district: names of the states/provinces the mission serves. */
  districtZh: string[];
}

export interface MissionList {
  missions: Mission[];
}

export interface SelectMissionRequest {
  missionId: string;
}
