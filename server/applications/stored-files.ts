import { notFound } from '../http/api-error';
import { serverMessages } from '../messages';
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
