import type { AppDeps } from '../app-deps';
import { createFileCipher, FILE_KEY_LABEL, FileCipher, legacyFileKey } from '../files/file-cipher';
import type { FileStore } from '../files/file-store';
import type { SessionStore } from '../security/session-store';
import { createFaceVerificationClient, FaceVerificationClient } from '../wechat/face-verification';

/** What the application routes share: the app's deps plus files, file key, face client, draft policy. */
export interface ApplicationsContext extends AppDeps {
  sessions: SessionStore;
  staffSessions: SessionStore;
  files: FileStore;
  fileCipher: FileCipher;
  face: FaceVerificationClient;
  /** Drafts untouched this long are expired (config.applications.draftDays). */
  draftDays: number;
  /** Face checks per person per rolling 24 hours, across all services. */
  faceDailyLimit: number;
}

export type ApplicationsOptions = AppDeps & {
  sessions: SessionStore;
  staffSessions: SessionStore;
  /** Tests may inject this; by default built from config. */
  face?: FaceVerificationClient;
};

/** The context from the app's deps; the face client from config unless injected. */
export function buildApplicationsContext(options: ApplicationsOptions): ApplicationsContext {
  return {
    ...options,
    // The file store's own key (HKDF from the PII master key); the legacy one reads CCF1 files.
    fileCipher: createFileCipher(options.pii.deriveKey(FILE_KEY_LABEL), { legacyKey: legacyFileKey((value) => options.pii.blindIndex(value)) }),
    face: options.face ?? createFaceVerificationClient(options.config.wechat),
    draftDays: options.config.applications.draftDays,
    faceDailyLimit: 10,
  };
}
