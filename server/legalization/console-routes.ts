import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { recordAudit } from '../audit/audit-log';
import { isUniqueViolation } from '../db/errors';
import { validationFailed } from '../http/api-error';
import { errorResponses } from '../http/schemas';
import type { SessionStore } from '../security/session-store';
import { requireStaff } from '../staff/authenticate';
import { AuthorityIndex } from './authorities';
import { checkImportText, checkRecordFields, LineError, latestIssueDate } from './csv-import';
import type { LegalizationRecord } from '../../contracts/legalization';
import type { PiiCipher } from '../security/pii-cipher';
import { recordExistsError, registryConsoleRoutes, type RegistrySpec } from './registry-console-routes';
import { legalizationMessages as m } from './legalization-messages';
import {
  findClashes,
  type NewRecord,
  recordValues,
  selectRecords,
  stickerHash,
  toStaffRecord,
} from './legalization-repository';
import { legalizationScope } from './authority-scope';
import { recordSchema } from './schemas';

/** The legalization registry's part in the shared import, batch and revocation routes. */
const legalizationRegistry = (pii: PiiCipher): RegistrySpec<NewRecord, LegalizationRecord> => ({
  name: 'legalization',
  table: 'legalization_records',
  basePath: '/api/console/legalization',
  summaryNoun: 'legalization records',
  importColumnsDescription:
    'legalization_no/认证号, sticker_no/贴纸号, authority_id/签署机关, document_type/文书类型, issued_on/认证日期',
  recordSchema,
  recordNotFound: m.recordNotFound,
  recordExists: m.recordExists,
  checkCsv: (text, context) => checkImportText(text, { ...context, latestIssueDate: latestIssueDate() }),
  async clashingLines(tx, rows) {
    const hashed = rows.map((row) => ({ ...row, hashHex: stickerHash(pii, row.stickerNo).toString('hex') }));
    const clashes = await findClashes(
      tx,
      hashed.map((row) => ({ authorityId: row.authorityId, legalizationNo: row.legalizationNo, stickerHashHex: row.hashHex })),
    );
    const numbers = new Set(clashes.map((c) => `${c.authority_id}\u0000${c.legalization_no}`));
    const stickers = new Set(clashes.map((c) => `${c.authority_id}\u0000${c.sticker_hex}`));
    const lines: LineError[] = [];
    for (const row of hashed) {
      const what: string[] = [];
      if (numbers.has(`${row.authorityId}\u0000${row.legalizationNo}`)) what.push(`${m.legalizationNoLabel} ${row.legalizationNo} `);
      if (stickers.has(`${row.authorityId}\u0000${row.hashHex}`)) what.push(m.stickerNoLabel);
      if (what.length > 0) lines.push({ line: row.line, message: m.duplicateInRegistry(what.join('、')) });
    }
    return lines;
  },
  async insertRows(tx, rows, extra) {
    await tx.insertInto('legalization_records').values(rows.map((row) => recordValues(pii, row, extra))).execute();
  },
  numberParam: 'legalizationNo',
  numberColumn: 'legalization_no',
  loadRecords: async (db, ids, authorities) =>
    (await selectRecords(db).where('id', 'in', ids).orderBy('created_at', 'desc').execute()).map((row) => toStaffRecord(row, authorities)),
});

/**
 * Console: the legalization registry. Admins import batches (all or nothing), add and
 * revoke single records; supervisors and admins can look records up. Every write is audited.
 */
export const legalizationConsoleRoutes: FastifyPluginAsyncZod<AppDeps & { staffSessions: SessionStore }> = async (app, deps) => {
  const canWrite = requireStaff(deps.db, deps.staffSessions, 'admin');

  await app.register(registryConsoleRoutes(legalizationRegistry(deps.pii)), deps);

  app.post(
    '/api/console/legalization/records',
    {
      schema: {
        tags: ['console', 'legalization'],
        summary: 'Add one legalization record',
        body: z.object({
          legalizationNo: z.string().max(100),
          stickerNo: z.string().max(100),
          authorityId: z.string().max(200),
          documentType: z.string().max(100),
          issuedOn: z.string().max(20),
        }),
        response: { 201: recordSchema, ...errorResponses },
      },
      onRequest: canWrite,
    },
    async (request, reply) => {
      const staff = request.staff!;
      const authorities = await AuthorityIndex.load(deps.db);
      const body = request.body;
      const checked = checkRecordFields(
        {
          legalization_no: body.legalizationNo,
          sticker_no: body.stickerNo,
          authority_id: body.authorityId,
          document_type: body.documentType,
          issued_on: body.issuedOn,
        },
        { authorities, scope: await legalizationScope(deps.db, staff), latestIssueDate: latestIssueDate() },
      );
      if (!checked.ok) {
        const e = checked.errors;
        const fields = {
          legalizationNo: e.legalization_no,
          stickerNo: e.sticker_no,
          authorityId: e.authority_id,
          documentType: e.document_type,
          issuedOn: e.issued_on,
        };
        throw validationFailed(Object.fromEntries(Object.entries(fields).filter(([, message]) => message)) as Record<string, string>);
      }
      try {
        const id = await deps.db.transaction().execute(async (tx) => {
          const created = await tx
            .insertInto('legalization_records')
            .values(recordValues(deps.pii, checked.record, { batchId: null, staffId: staff.staffId }))
            .returning('id')
            .executeTakeFirstOrThrow();
          await recordAudit(tx, {
            actorKind: 'staff',
            actorId: staff.staffId,
            missionId: staff.missionId,
            action: 'legalization.create',
            subject: created.id,
            detail: { authorityId: checked.record.authorityId, legalizationNo: checked.record.legalizationNo },
          });
          return created.id;
        });
        const row = await selectRecords(deps.db).where('id', '=', id).executeTakeFirstOrThrow();
        return reply.status(201).send(toStaffRecord(row, authorities));
      } catch (error) {
        if (isUniqueViolation(error)) throw recordExistsError(m.recordExists);
        throw error;
      }
    },
  );
};
