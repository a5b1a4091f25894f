import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { recordAudit } from '../audit/audit-log';
import { isUniqueViolation } from '../db/errors';
import { ApiError, notFound, validationFailed } from '../http/api-error';
import { errorResponses } from '../http/schemas';
import type { SessionStore } from '../security/session-store';
import { requireStaff } from '../staff/authenticate';
import { AuthorityIndex } from './authorities';
import { checkImportText, checkRecordFields, LineError, latestIssueDate } from './csv-import';
import { legalizationMessages as m } from './legalization-messages';
import {
  findClashes,
  recordValues,
  selectRecords,
  stickerHash,
  toStaffRecord,
} from './legalization-repository';
import { handledAuthorityIds, legalizationScope, mayHandle } from './authority-scope';
import { batchSchema, importErrorResponses, recordSchema } from './schemas';

/** Lines listed in one error response; the count says how many there were in all. */
const MAX_LINES_REPORTED = 200;
const INSERT_CHUNK = 500;

const recordExists = () => new ApiError(409, 'RECORD_EXISTS', m.recordExists);

/**
 * Console: the legalization registry. Admins import batches (all or nothing), add and
 * revoke single records; supervisors and admins can look records up. Every write is audited.
 */
export const legalizationConsoleRoutes: FastifyPluginAsyncZod<AppDeps & { staffSessions: SessionStore }> = async (app, deps) => {
  const canRead = requireStaff(deps.db, deps.staffSessions, 'supervisor');
  const canWrite = requireStaff(deps.db, deps.staffSessions, 'admin');

  // A CSV file sent as it is: decoded here without failing, so bytes that are not UTF-8
  // (a GBK file from Excel) become U+FFFD and the import reports the damaged lines.
  app.addContentTypeParser(['text/csv'], { parseAs: 'buffer' }, (request, body, done) => {
    const query = request.query as { fileName?: string };
    done(null, { csv: new TextDecoder('utf-8').decode(body as Buffer), fileName: query.fileName });
  });

  const importFailed = (code: 'CSV_INVALID' | 'CSV_ENCODING', message: string, lines: LineError[]) => ({
    error: { code, message, lines: lines.slice(0, MAX_LINES_REPORTED), lineCount: lines.length },
  });

  app.post(
    '/api/console/legalization/imports',
    {
      schema: {
        tags: ['console', 'legalization'],
        summary: 'Import a batch of legalization records from CSV (all rows or none)',
        description:
          'JSON `{ csv, fileName? }` or the file itself as text/csv (`?fileName=`). Columns (any order, English code or ' +
          'Chinese heading): legalization_no/认证号, sticker_no/贴纸号, authority_id/签署机关, document_type/文书类型, ' +
          'issued_on/认证日期. 400 CSV_INVALID or CSV_ENCODING lists `{ line, message }` (line 1 is the header).',
        body: z.object({ csv: z.string().max(10 * 1024 * 1024), fileName: z.string().max(255).optional() }),
        response: { 201: z.object({ batch: batchSchema }), ...importErrorResponses },
      },
      bodyLimit: 10 * 1024 * 1024,
      onRequest: canWrite,
    },
    async (request, reply) => {
      const staff = request.staff!;
      const authorities = await AuthorityIndex.load(deps.db);
      const checked = checkImportText(request.body.csv, {
        authorities,
        scope: await legalizationScope(deps.db, staff),
        latestIssueDate: latestIssueDate(),
      });
      if (!checked.ok) return reply.status(400).send(importFailed(checked.code, checked.message, checked.lines));

      const rows = checked.rows.map((row) => ({ ...row, hash: stickerHash(deps.pii, row.stickerNo) }));
      const fileName = request.body.fileName?.trim() || null;
      try {
        const outcome = await deps.db.transaction().execute(async (tx) => {
          const clashes = await findClashes(
            tx,
            rows.map((row) => ({ authorityId: row.authorityId, legalizationNo: row.legalizationNo, stickerHashHex: row.hash.toString('hex') })),
          );
          if (clashes.length > 0) {
            const numbers = new Set(clashes.map((c) => `${c.authority_id}\u0000${c.legalization_no}`));
            const stickers = new Set(clashes.map((c) => `${c.authority_id}\u0000${c.sticker_hex}`));
            const lines: LineError[] = [];
            for (const row of rows) {
              const what: string[] = [];
              if (numbers.has(`${row.authorityId}\u0000${row.legalizationNo}`)) what.push(`${m.legalizationNoLabel} ${row.legalizationNo} `);
              if (stickers.has(`${row.authorityId}\u0000${row.hash.toString('hex')}`)) what.push(m.stickerNoLabel);
              if (what.length > 0) lines.push({ line: row.line, message: m.duplicateInRegistry(what.join('、')) });
            }
            return { ok: false as const, lines };
          }
          const batch = await tx
            .insertInto('legalization_import_batches')
            .values({ staff_id: staff.staffId, mission_id: staff.missionId, file_name: fileName, row_count: rows.length })
            .returning(['id', 'created_at'])
            .executeTakeFirstOrThrow();
          for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
            await tx
              .insertInto('legalization_records')
              .values(rows.slice(i, i + INSERT_CHUNK).map((row) => recordValues(deps.pii, row, { batchId: batch.id, staffId: staff.staffId })))
              .execute();
          }
          await recordAudit(tx, {
            actorKind: 'staff',
            actorId: staff.staffId,
            missionId: staff.missionId,
            action: 'legalization.import',
            subject: batch.id,
            detail: { rowCount: rows.length, fileName },
          });
          return { ok: true as const, batch: { id: batch.id, fileName, rowCount: rows.length, staffId: staff.staffId, createdAt: new Date(batch.created_at).toISOString() } };
        });
        if (!outcome.ok) return reply.status(400).send(importFailed('CSV_INVALID', m.csvInvalid(outcome.lines.length), outcome.lines));
        return reply.status(201).send({ batch: outcome.batch });
      } catch (error) {
        // Another import of the same numbers committed between our check and our insert.
        if (isUniqueViolation(error)) throw recordExists();
        throw error;
      }
    },
  );

  app.get(
    '/api/console/legalization/imports',
    {
      schema: {
        tags: ['console', 'legalization'],
        summary: 'Import batches made by this mission, newest first',
        response: { 200: z.object({ batches: z.array(batchSchema) }), ...errorResponses },
      },
      onRequest: canRead,
    },
    async (request) => {
      const rows = await deps.db
        .selectFrom('legalization_import_batches')
        .selectAll()
        .where('mission_id', '=', request.staff!.missionId)
        .orderBy('created_at', 'desc')
        .limit(200)
        .execute();
      return {
        batches: rows.map((row) => ({
          id: row.id,
          fileName: row.file_name,
          rowCount: row.row_count,
          staffId: row.staff_id,
          createdAt: new Date(row.created_at).toISOString(),
        })),
      };
    },
  );

  app.get(
    '/api/console/legalization/records',
    {
      schema: {
        tags: ['console', 'legalization'],
        summary: 'Look records up by legalization number (optionally by authority) or by import batch',
        querystring: z.object({
          legalizationNo: z.string().max(100).optional(),
          authorityId: z.string().max(100).optional(),
          batchId: z.uuid().optional(),
        }),
        response: { 200: z.object({ records: z.array(recordSchema) }), ...errorResponses },
      },
      onRequest: canRead,
    },
    async (request) => {
      const { legalizationNo, authorityId, batchId } = request.query;
      if (!legalizationNo && !batchId) throw validationFailed({ legalizationNo: m.recordNotFound });
      // Only records this staff member's scope covers: another mission's are not theirs to know of.
      let query = selectRecords(deps.db).where('authority_id', 'in', handledAuthorityIds(await legalizationScope(deps.db, request.staff!)));
      if (legalizationNo) query = query.where('legalization_no', '=', legalizationNo.replace(/[\s-]/g, '').toUpperCase());
      if (authorityId) query = query.where('authority_id', '=', authorityId);
      if (batchId) query = query.where('batch_id', '=', batchId);
      const authorities = await AuthorityIndex.load(deps.db);
      const rows = await query.orderBy('created_at', 'desc').limit(500).execute();
      return { records: rows.map((row) => toStaffRecord(row, authorities)) };
    },
  );

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
        if (isUniqueViolation(error)) throw recordExists();
        throw error;
      }
    },
  );

  app.post(
    '/api/console/legalization/records/:id/revoke',
    {
      schema: {
        tags: ['console', 'legalization'],
        summary: 'Revoke a record: the public check then answers 已撤销',
        params: z.object({ id: z.uuid() }),
        body: z.object({ reason: z.string().max(500) }),
        response: { 200: recordSchema, ...errorResponses },
      },
      onRequest: canWrite,
    },
    async (request) => {
      const staff = request.staff!;
      const reason = request.body.reason.trim();
      if (!reason) throw validationFailed({ reason: m.revokeReasonRequired });
      const authorities = await AuthorityIndex.load(deps.db);
      const scope = await legalizationScope(deps.db, staff);
      await deps.db.transaction().execute(async (tx) => {
        const row = await tx
          .selectFrom('legalization_records')
          .select(['id', 'authority_id', 'status'])
          .where('id', '=', request.params.id)
          .forUpdate()
          .executeTakeFirst();
        // Another mission's legalizations (or MFA ones, without that role) are not this staff member's to revoke, nor to know of.
        if (!row || !mayHandle(scope, authorities.get(row.authority_id))) throw notFound(m.recordNotFound);
        if (row.status === 'revoked') return;
        await tx
          .updateTable('legalization_records')
          .set({ status: 'revoked', revoked_at: new Date(), revoked_reason: reason })
          .where('id', '=', row.id)
          .execute();
        await recordAudit(tx, {
          actorKind: 'staff',
          actorId: staff.staffId,
          missionId: staff.missionId,
          action: 'legalization.revoke',
          subject: row.id,
          detail: { reason },
        });
      });
      const row = await selectRecords(deps.db).where('id', '=', request.params.id).executeTakeFirstOrThrow();
      return toStaffRecord(row, authorities);
    },
  );
};
