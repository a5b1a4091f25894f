import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { issuesApostilles, validateApostilleInput } from '../../miniprogram/domain/apostille';
import { apostilleMessages } from '../../miniprogram/domain/apostille-messages';
import type { ApostilleRecord } from '../../contracts/legalization';
import type { AppDeps } from '../app-deps';
import { validationFailed } from '../http/api-error';
import { errorResponses } from '../http/schemas';
import type { SessionStore } from '../security/session-store';
import { checkApostilleCsv, type NewApostille } from './apostille-csv';
import { apostilleClashLines, apostilleValues, selectApostilles, toStaffApostille, verifyApostille } from './apostille-repository';
import { AuthorityIndex } from './authorities';
import { legalizationMessages as m } from './legalization-messages';
import { registryConsoleRoutes, type RegistrySpec } from './registry-console-routes';
import { registryRecordStatusShape, verifyAnswerSchema } from './schemas';
import { verifyRateLimit } from './verify-rate-limit';

const verifiedApostilleSchema = z.object({
  apostilleNo: z.string(),
  issuedOn: z.string(),
  signerName: z.string().nullable(),
  signerCapacity: z.string().nullable(),
  sealOf: z.string().nullable(),
  authorityId: z.string(),
  authorityName: z.string(),
});
const apostilleRecordSchema = verifiedApostilleSchema.extend(registryRecordStatusShape) satisfies z.ZodType<ApostilleRecord>;

/** The apostille register's part in the shared import, batch and revocation routes. */
const apostilleRegistry: RegistrySpec<NewApostille, ApostilleRecord> = {
  name: 'apostille',
  table: 'apostille_records',
  basePath: '/api/console/apostilles',
  summaryNoun: 'apostilles',
  importColumnsDescription:
    'apostille_no/附加证明书编号, issued_on/签发日期, signer_name/签署人, signer_capacity/签署身份, seal_of/印章所属机关 ' +
    '(for an unsigned document, instead of the signer), authority_id/签发机关 (mfa or fao-<province>)',
  recordSchema: apostilleRecordSchema,
  recordNotFound: m.apostilleNotFound,
  recordExists: m.apostilleExists,
  checkCsv: checkApostilleCsv,
  clashingLines: apostilleClashLines,
  async insertRows(tx, rows, extra) {
    await tx.insertInto('apostille_records').values(rows.map((row) => apostilleValues(row, extra))).execute();
  },
  numberParam: 'apostilleNo',
  numberColumn: 'apostille_no',
  loadRecords: async (db, ids, authorities) =>
    (await selectApostilles(db).where('id', 'in', ids).orderBy('created_at', 'desc').execute()).map((row) => toStaffApostille(row, authorities)),
};

/** Public: the apostille check, beside the legalization check and under the same rate limit. */
export const apostilleRoutes: FastifyPluginAsyncZod<AppDeps & { sessions: SessionStore }> = async (app, deps) => {
  const rateLimit = verifyRateLimit(deps);

  app.post(
    '/api/legalization/apostille/verify',
    {
      schema: {
        tags: ['legalization'],
        summary: 'Check an apostille (附加证明书) by certificate number, issue date and issuing authority',
        description:
          'The fields a citizen types or the mini-program reads from the certificate\'s QR code (docs/apostille.md). Answers ' +
          'genuine, revoked or not_found with the register\'s entry (number, date, signer and capacity or seal, authority); ' +
          'not_found is the same for an unknown number and a wrong date. Shares the legalization check\'s rate limit: 429 RATE_LIMITED.',
        // Loose on purpose: the shared domain validator gives the field messages.
        body: z.object({
          apostilleNo: z.string().max(100).optional(),
          issuedOn: z.string().max(20).optional(),
          authorityId: z.string().max(100).optional(),
        }),
        response: { 200: verifyAnswerSchema(verifiedApostilleSchema), ...errorResponses },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      await rateLimit(request, reply);
      const checked = validateApostilleInput(request.body);
      if (!checked.ok) throw validationFailed(checked.errors as Record<string, string>);
      const authorities = await AuthorityIndex.load(deps.db);
      const authority = authorities.get(checked.value.authorityId);
      if (!authority || !issuesApostilles(authority.kind)) throw validationFailed({ authorityId: apostilleMessages.authorityNotApostille });
      return verifyApostille(deps.db, authorities, checked.value);
    },
  );
};

/** Console: the apostille register — CSV import, batches, lookup and revocation, as the legalization register has them. */
export const apostilleConsoleRoutes = registryConsoleRoutes(apostilleRegistry);
