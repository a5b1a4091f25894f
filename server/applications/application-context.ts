import path from 'node:path';
import type { AppDeps } from '../app-deps';
import { createFileCipher, deriveFileKey, FileCipher } from '../files/file-cipher';
import { createLocalFileStore, FileStore } from '../files/file-store';
import type { SessionStore } from '../security/session-store';
import { createFaceVerificationClient, FaceVerificationClient } from '../wechat/face-verification';

/** What the application routes share: the app's deps plus files, file key, face client, draft policy. */
export interface ApplicationsContext extends AppDeps {
  sessions: SessionStore;
  staffSessions: SessionStore;
  files: FileStore;
  fileCipher: FileCipher;
  face: FaceVerificationClient;
  /** Drafts untouched this long are expired (APPLICATION_DRAFT_DAYS, default 30). */
  draftDays: number;
  /** Face checks per person per rolling 24 hours, across all services. */
  faceDailyLimit: number;
}

export type ApplicationsOptions = AppDeps & {
  sessions: SessionStore;
  staffSessions: SessionStore;
  /** Tests may inject these; by default built from config. */
  files?: FileStore;
  face?: FaceVerificationClient;
};

function positiveInt(value: string | undefined, fallback: number): number {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : fallback;
}

/**
 * APPLICATION_DRAFT_DAYS is read from the environment here because Config does not carry
 * it yet (see the report: move it into server/config.ts).
 */
export function buildApplicationsContext(options: ApplicationsOptions, env: NodeJS.ProcessEnv = process.env): ApplicationsContext {
  return {
    ...options,
    files: options.files ?? createLocalFileStore(path.join(options.config.dataDir, 'files')),
    fileCipher: createFileCipher(deriveFileKey((value) => options.pii.blindIndex(value))),
    face: options.face ?? createFaceVerificationClient(options.config.wechat),
    draftDays: positiveInt(env.APPLICATION_DRAFT_DAYS, 30),
    faceDailyLimit: 10,
  };
}
