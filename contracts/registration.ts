/**
 * 海外公民登记's staff contract (server/registration ↔ console/src/api/registration-api.ts):
 * the statuses staff filter and read. Staff-only, so not in miniprogram/domain/registration.ts,
 * which the registration subpackage ships.
 */
import type { RegistrationStatus } from '../miniprogram/domain/registration';

export const REGISTRATION_STATUSES: readonly RegistrationStatus[] = ['active', 'ended', 'deregistered'];

export const registrationStatusLabels: Record<RegistrationStatus, string> = { active: '有效', ended: '已结束', deregistered: '已注销' };
