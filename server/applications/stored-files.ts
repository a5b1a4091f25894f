import crypto from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { DocumentKind } from '../../miniprogram/domain/services/definition-types';
import type { ApplicationFileTable, Database } from '../db/schema';
import { claimStaged, releaseInTransaction } from '../files/staged-files';
import { notFound } from '../http/api-error';
import { serverMessages } from '../messages';
import type { UploadedDocument } from '../../miniprogram/domain/services/application-api-types';
import type { AutoCrop, PhotoFinding } from '../photo/photo-check';
import { photoMessage } from '../photo/photo-messages';
import type { ApplicationsContext } from './application-context';

/** Reads and decrypts an application's file. Callers have already checked who is asking. */
export async function readStoredFile(ctx: ApplicationsContext, applicationId: string, docId: string): Promise<{ mime: string; data: Buffer }> {
  const file = await ctx.db
    .selectFrom('application_files')
    .select(['storage_key', 'mime', 'encrypted'])
    .where('application_id', '=', applicationId)
    .where('doc_id', '=', docId)
    .executeTakeFirst();
  if (!file) throw notFound(serverMessages.documentNotFound);
  const stored = await ctx.files.get(file.storage_key);
  if (!stored) throw notFound(serverMessages.documentNotFound);
  return { mime: file.mime, data: file.encrypted ? ctx.fileCipher.open(stored, file.storage_key) : stored };
}

/** An upload after its checks: the bytes to store and what the checks found. */
export interface PreparedUpload {
  data: Buffer;
  mime: string;
  ok: boolean;
  findings: PhotoFinding[];
  /** ID photos whose only fault is the framing: the spec crop the citizen may accept instead. */
  autoCrop?: AutoCrop | null;
}

/**
 * A finding as stored: its sentence in 简体 (the records' language; the console reads it),
 * its code and values, from which each citizen reads it in their own language.
 */
function recordedFinding(finding: PhotoFinding): PhotoFinding {
  return { ...finding, message: photoMessage(finding.code, finding.vars, 'zh-CN') };
}

/**
 * The upload's answer: the stored document, plus the proposed spec crop inline (base64 JPEG,
 * tens of KB) — nothing is stored for it; accepting it means uploading it, checked again.
 */
export function withAutoCrop(doc: UploadedDocument, prepared: PreparedUpload): UploadedDocument {
  const crop = prepared.autoCrop;
  if (!crop) return doc;
  return {
    ...doc,
    autoCrop: {
      jpegBase64: crop.jpeg.toString('base64'),
      width: crop.width,
      height: crop.height,
      findings: crop.findings.map(({ code, message, severity }) => ({ code, message, severity })),
    },
  };
}

/**
 * Records a staged (already sealed) file as the application's document `docId`, replacing
 * an earlier one; returns the row and the storage key of the replaced file, released here,
 * which the caller deletes (deleteStaged) once the transaction has committed.
 */
export async function upsertApplicationFile(
  tx: Kysely<Database>,
  file: { applicationId: string; ownerUserId: string; docId: string; kind: DocumentKind; storageKey: string; prepared: PreparedUpload },
): Promise<{ row: Selectable<ApplicationFileTable>; replacedKey: string | null }> {
  const existing = await tx
    .selectFrom('application_files')
    .select(['id', 'storage_key'])
    .where('application_id', '=', file.applicationId)
    .where('doc_id', '=', file.docId)
    .executeTakeFirst();
  const values = {
    kind: file.kind,
    storage_key: file.storageKey,
    sha256: crypto.createHash('sha256').update(file.prepared.data).digest('hex'),
    bytes: file.prepared.data.length,
    mime: file.prepared.mime,
    encrypted: true,
    check_ok: file.prepared.ok,
    findings: JSON.stringify(file.prepared.findings.map(recordedFinding)),
    created_at: new Date(),
  };
  const saved = existing
    ? tx.updateTable('application_files').set(values).where('id', '=', existing.id)
    : tx.insertInto('application_files').values({ ...values, application_id: file.applicationId, owner_user_id: file.ownerUserId, doc_id: file.docId });
  await claimStaged(tx, file.storageKey);
  if (existing) await releaseInTransaction(tx, existing.storage_key);
  return { row: await saved.returningAll().executeTakeFirstOrThrow(), replacedKey: existing?.storage_key ?? null };
}
