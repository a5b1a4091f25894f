/** The main package's status type, for the interview contract copied beside this folder (scripts/build-miniprogram.ts); types only, nothing at run time. */
export type { ApplicationStatus } from '../../../../domain/services/application-status';
