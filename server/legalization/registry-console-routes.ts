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
import { type LegalizationScope, legalizationScope, mayHandle } from './authority-scope';
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
  insertRows(tx: Transaction<Database>, rows: Row[], extra: { batchId: string; staffId: string }): Promise<void>;
  loadRecord(db: Kysely<Database>, id: string, authorities: AuthorityIndex): Promise<StaffRecord>;
}

export const recordExistsError = (message: string) => new ApiError(409, 'RECORD_EXISTS', message);

/**
 * Console routes every registry has: import a CSV batch (all rows or none), list this
 * mission's batches, revoke a record with a reason. Admins write, supervisors read; the
 * issuing authority decides who may touch a record (authority-scope.ts); every write is audited.
 */
export function registryConsoleRoutes<Row, StaffRecord>(
  spec: RegistrySpec<Row, StaffRecord>,
): FastifyPluginAsyncZod<AppDeps & { staffSessions: SessionStore }> {
  return async (app, deps) => {
    const canRead = requireStaff(deps.db, deps.staffSessions, 'supervisor');
    const canWrite = requireStaff(deps.db, deps.staffSessions, 'admin');
    const tags = ['console', spec.name];

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
              .returning(['id', 'created_at'])
              .executeTakeFirstOrThrow();
            await spec.insertRows(tx, checked.rows, { batchId: batch.id, staffId: staff.staffId });
            await recordAudit(tx, {
              actorKind: 'staff',
              actorId: staff.staffId,
              missionId: staff.missionId,
              action: `${spec.name}.import`,
              subject: batch.id,
              detail: { rowCount: checked.rows.length, fileName },
            });
            const created = { id: batch.id, fileName, rowCount: checked.rows.length, staffId: staff.staffId, createdAt: new Date(batch.created_at).toISOString() };
            return { ok: true as const, batch: created };
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
        // Both tables have these columns; Kysely types a union of tables by their shared ones only through one of them.
        const table = spec.table as 'legalization_records';
        await deps.db.transaction().execute(async (tx) => {
          const row = await tx.selectFrom(table).select(['id', 'authority_id', 'status']).where('id', '=', request.params.id).forUpdate().executeTakeFirst();
          // Another mission's records (or MFA ones, without that role) are not this staff member's to revoke, nor to know of.
          if (!row || !mayHandle(scope, authorities.get(row.authority_id))) throw notFound(spec.recordNotFound);
          if (row.status === 'revoked') return;
          await tx.updateTable(table).set({ status: 'revoked', revoked_at: new Date(), revoked_reason: reason }).where('id', '=', row.id).execute();
          await recordAudit(tx, {
            actorKind: 'staff',
            actorId: staff.staffId,
            missionId: staff.missionId,
            action: `${spec.name}.revoke`,
            subject: row.id,
            detail: { reason },
          });
        });
        return spec.loadRecord(deps.db, request.params.id, authorities);
      },
    );
  };
}
