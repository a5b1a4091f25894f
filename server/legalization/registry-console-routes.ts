import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { recordAudit } from '../audit/audit-log';
import type { Database } from '../db/schema';
import { isUniqueViolation } from '../db/errors';
import { ApiError, notFound, validationFailed } from '../http/api-error';
import { errorResponses } from '../http/schemas';
import type { SessionStore } from '../security/session-store';
import { requireStaff } from '../staff/authenticate';
import { AuthorityIndex } from './authorities';
import { handledAuthorityIds, type LegalizationScope, legalizationScope, mayHandle } from './authority-scope';
import { normalizeDocumentNumber } from '../../miniprogram/domain/legalization';
import type { LineError, RegistryCsvCheck } from './csv-import';
import { legalizationMessages as m } from './legalization-messages';
import { batchSchema, importErrorResponses } from './schemas';

/** Lines listed in one error response; the count says how many there were in all. */
const MAX_LINES_REPORTED = 200;

/** The registries whose records share the import, batch and revocation rules. */
export type RegistryName = 'legalization' | 'apostille';
type RegistryTable = 'legalization_records' | 'apostille_records';

/** What differs between the registries; everything else below is the same for both. */
export interface RegistrySpec<Row, StaffRecord> {
  name: RegistryName;
  table: RegistryTable;
  /** e.g. /api/console/legalization: imports at `${base}/imports`, revocation at `${base}/records/:id/revoke`. */
  basePath: string;
  /** OpenAPI words: what is imported, and the columns. */
  summaryNoun: string;
  importColumnsDescription: string;
  recordSchema: z.ZodType<StaffRecord>;
  recordNotFound: string;
  recordExists: string;
  checkCsv(text: string, context: { authorities: AuthorityIndex; scope: LegalizationScope }): RegistryCsvCheck<Row>;
  /** Lines of the file that clash with records already stored (checked inside the import's transaction). */
  clashingLines(tx: Transaction<Database>, rows: Array<Row & { line: number }>): Promise<LineError[]>;
  /** Inserts one chunk of a batch (the caller splits large files). */
  insertRows(tx: Transaction<Database>, rows: Row[], extra: { batchId: string; staffId: string }): Promise<void>;
  /** The lookup's query parameter and column for the number a record is known by. */
  numberParam: string;
  numberColumn: 'legalization_no' | 'apostille_no';
  /** These records as staff see them, newest first. */
  loadRecords(db: Kysely<Database>, ids: string[], authorities: AuthorityIndex): Promise<StaffRecord[]>;
}

export const recordExistsError = (message: string) => new ApiError(409, 'RECORD_EXISTS', message);

const toBatch = (row: { id: string; file_name: string | null; row_count: number; staff_id: string; created_at: Date }) => ({
  id: row.id,
  fileName: row.file_name,
  rowCount: row.row_count,
  staffId: row.staff_id,
  createdAt: new Date(row.created_at).toISOString(),
});

/** Rows per insert statement: well under PostgreSQL's 65 535 parameters at a dozen columns a row. */
const INSERT_CHUNK = 500;
/** Most records a lookup lists. */
const MAX_RECORDS_LISTED = 500;

/**
 * Console routes every registry has: import a CSV batch (all rows or none), list this
 * mission's batches, look records up, revoke a record with a reason. Admins write, supervisors read; the
 * issuing authority decides who may touch a record (authority-scope.ts); every write is audited.
 */
export function registryConsoleRoutes<Row, StaffRecord>(
  spec: RegistrySpec<Row, StaffRecord>,
): FastifyPluginAsyncZod<AppDeps & { staffSessions: SessionStore }> {
  return async (app, deps) => {
    const canRead = requireStaff(deps.db, deps.staffSessions, 'supervisor');
    const canWrite = requireStaff(deps.db, deps.staffSessions, 'admin');
    const tags = ['console', spec.name];
    // Both tables have the columns used below; Kysely types a union of tables by their shared ones only through one of them.
    const table = spec.table as 'legalization_records';
    const numberColumn = spec.numberColumn as 'legalization_no';
    const audit = (tx: Transaction<Database>, staff: { staffId: string; missionId: string }, action: string, subject: string, detail: Record<string, unknown>) =>
      recordAudit(tx, { actorKind: 'staff', actorId: staff.staffId, missionId: staff.missionId, action: `${spec.name}.${action}`, subject, detail });

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
      `${spec.basePath}/imports`,
      {
        schema: {
          tags,
          summary: `Import a batch of ${spec.summaryNoun} from CSV (all rows or none)`,
          description:
            `JSON \`{ csv, fileName? }\` or the file itself as text/csv (\`?fileName=\`). Columns (any order, English code or ` +
            `Chinese heading): ${spec.importColumnsDescription}. 400 CSV_INVALID or CSV_ENCODING lists \`{ line, message }\` (line 1 is the header).`,
          body: z.object({ csv: z.string().max(10 * 1024 * 1024), fileName: z.string().max(255).optional() }),
          response: { 201: z.object({ batch: batchSchema }), ...importErrorResponses },
        },
        bodyLimit: 10 * 1024 * 1024,
        onRequest: canWrite,
      },
      async (request, reply) => {
        const staff = request.staff!;
        const checked = spec.checkCsv(request.body.csv, {
          authorities: await AuthorityIndex.load(deps.db),
          scope: await legalizationScope(deps.db, staff),
        });
        if (!checked.ok) return reply.status(400).send(importFailed(checked.code, checked.message, checked.lines));
        const fileName = request.body.fileName?.trim() || null;
        try {
          const outcome = await deps.db.transaction().execute(async (tx) => {
            const clashes = await spec.clashingLines(tx, checked.rows);
            if (clashes.length > 0) return { ok: false as const, lines: clashes };
            const batch = await tx
              .insertInto('legalization_import_batches')
              .values({ staff_id: staff.staffId, mission_id: staff.missionId, file_name: fileName, row_count: checked.rows.length, registry: spec.name })
              .returningAll()
              .executeTakeFirstOrThrow();
            for (let i = 0; i < checked.rows.length; i += INSERT_CHUNK) {
              await spec.insertRows(tx, checked.rows.slice(i, i + INSERT_CHUNK), { batchId: batch.id, staffId: staff.staffId });
            }
            await audit(tx, staff, 'import', batch.id, { rowCount: checked.rows.length, fileName });
            return { ok: true as const, batch: toBatch(batch) };
          });
          if (!outcome.ok) return reply.status(400).send(importFailed('CSV_INVALID', m.csvInvalid(outcome.lines.length), outcome.lines));
          return reply.status(201).send({ batch: outcome.batch });
        } catch (error) {
          // Another import of the same numbers committed between our check and our insert.
          if (isUniqueViolation(error)) throw recordExistsError(spec.recordExists);
          throw error;
        }
      },
    );

    app.get(
      `${spec.basePath}/imports`,
      {
        schema: {
          tags,
          summary: `Import batches of ${spec.summaryNoun} made by this mission, newest first`,
          response: { 200: z.object({ batches: z.array(batchSchema) }), ...errorResponses },
        },
        onRequest: canRead,
      },
      async (request) => {
        const rows = await deps.db
          .selectFrom('legalization_import_batches')
          .selectAll()
          .where('mission_id', '=', request.staff!.missionId)
          .where('registry', '=', spec.name)
          .orderBy('created_at', 'desc')
          .limit(200)
          .execute();
        return { batches: rows.map(toBatch) };
      },
    );

    app.get(
      `${spec.basePath}/records`,
      {
        schema: {
          tags,
          summary: `Look ${spec.summaryNoun} up by number (optionally by authority) or by import batch`,
          querystring: z.object({
            [spec.numberParam]: z.string().max(100).optional(),
            authorityId: z.string().max(100).optional(),
            batchId: z.uuid().optional(),
          }),
          response: { 200: z.object({ records: z.array(spec.recordSchema as z.ZodType<unknown>) }), ...errorResponses },
        },
        onRequest: canRead,
      },
      async (request) => {
        const query = request.query as Record<string, string | undefined>;
        const number = normalizeDocumentNumber(query[spec.numberParam]);
        if (!number && !query.batchId) throw validationFailed({ [spec.numberParam]: spec.recordNotFound });
        // Only records this staff member's scope covers: another mission's are not theirs to know of.
        let ids = deps.db.selectFrom(table).select('id').where('authority_id', 'in', handledAuthorityIds(await legalizationScope(deps.db, request.staff!)));
        if (number) ids = ids.where(numberColumn, '=', number);
        if (query.authorityId) ids = ids.where('authority_id', '=', query.authorityId);
        if (query.batchId) ids = ids.where('batch_id', '=', query.batchId);
        const found = await ids.orderBy('created_at', 'desc').limit(MAX_RECORDS_LISTED).execute();
        if (found.length === 0) return { records: [] };
        return { records: await spec.loadRecords(deps.db, found.map((row) => row.id), await AuthorityIndex.load(deps.db)) };
      },
    );

    app.post(
      `${spec.basePath}/records/:id/revoke`,
      {
        schema: {
          tags,
          summary: 'Revoke a record: the public check then answers 已撤销',
          params: z.object({ id: z.uuid() }),
          body: z.object({ reason: z.string().max(500) }),
          // The registry's own record shape; typed loosely here, checked by the schema when sent.
          response: { 200: spec.recordSchema as z.ZodType<unknown>, ...errorResponses },
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
          const row = await tx.selectFrom(table).select(['id', 'authority_id', 'status']).where('id', '=', request.params.id).forUpdate().executeTakeFirst();
          // Another mission's records (or MFA ones, without that role) are not this staff member's to revoke, nor to know of.
          if (!row || !mayHandle(scope, authorities.get(row.authority_id))) throw notFound(spec.recordNotFound);
          if (row.status === 'revoked') return;
          await tx.updateTable(table).set({ status: 'revoked', revoked_at: new Date(), revoked_reason: reason }).where('id', '=', row.id).execute();
          await audit(tx, staff, 'revoke', row.id, { reason });
        });
        return (await spec.loadRecords(deps.db, [request.params.id], authorities))[0];
      },
    );
  };
}
