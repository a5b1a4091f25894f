import fs from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { Pool } from 'pg';
import type { Database } from '../../../server/db/schema';
import { migrate } from '../../../server/db/migrate';
import { seedDemoMissions } from '../../../server/missions/mission-repository';
import { seedDemoFees } from '../../../server/workflow/fees';
import { generatePiiKey } from '../../../server/security/pii-cipher';
import { hashToken, newToken } from '../../../server/security/tokens';
import { createFreshPostgresDatabase, postgresUrl } from '../../helpers/fresh-database';
import { startTestServer } from '../../helpers/test-server';

/**
 * Upgrading a database of the previous release (migrations 0001–0007, the last release
 * before several-instance support) that holds data, by two instances starting at once.
 */
jest.setTimeout(120_000);
const onPostgres = postgresUrl ? describe : describe.skip;
const PREVIOUS_RELEASE_LAST_MIGRATION = '0007_interviews.sql';

onPostgres('upgrading the previous release’s database (PostgreSQL)', () => {
  it('keeps the data, applies each newer migration once with two instances migrating together, and serves the old sessions', async () => {
    const database = await createFreshPostgresDatabase(postgresUrl!);
    const connect = () => new Kysely<Database>({ dialect: new PostgresDialect({ pool: new Pool({ connectionString: database.url, max: 2 }) }) });
    const old = connect();
    try {
      // The previous release's schema, applied as its migrator did.
      await sql`create table schema_migrations (name text primary key, applied_at timestamptz not null default now())`.execute(old);
      const dir = path.resolve(__dirname, '../../../server/db/migrations');
      const previous = fs.readdirSync(dir).filter((name) => name.endsWith('.sql') && name <= PREVIOUS_RELEASE_LAST_MIGRATION).sort();
      expect(previous).toHaveLength(7);
      for (const name of previous) {
        await sql.raw(fs.readFileSync(path.join(dir, name), 'utf8')).execute(old);
        await sql`insert into schema_migrations (name) values (${name})`.execute(old);
      }
      // Its data: missions and fees as it seeded them, a citizen with a mission and a live session, a queued job.
      await seedDemoMissions(old);
      await seedDemoFees(old);
      const user = await old.insertInto('users').values({ openid: 'o_upgrade', mission_id: 'us-chicago', unionid: null, session_key_enc: null }).returning('id').executeTakeFirstOrThrow();
      const token = newToken();
      await sql`insert into user_sessions (user_id, token_hash, expires_at) values (${user.id}, ${hashToken(token)}, now() + interval '1 day')`.execute(old);
      await sql`insert into jobs (kind, payload) values ('subscribe_message.status', '{"applicationId":"x"}')`.execute(old);
      const feesBefore = await old.selectFrom('mission_fees').selectAll().orderBy(['mission_id', 'fee_code', 'fee_option']).execute();

      // Two instances start on it at the same moment.
      const [first, second] = [connect(), connect()];
      const [appliedByFirst, appliedBySecond] = await Promise.all([migrate(first), migrate(second)]);
      await first.destroy();
      await second.destroy();
      const newer = fs.readdirSync(dir).filter((name) => name.endsWith('.sql') && name > PREVIOUS_RELEASE_LAST_MIGRATION).sort();
      expect([...appliedByFirst, ...appliedBySecond].sort()).toEqual(newer);
      const counts = await sql<{ name: string; n: string }>`select name, count(*) as n from schema_migrations group by name order by name`.execute(old);
      expect(counts.rows.map((row) => [row.name, Number(row.n)])).toEqual([...previous, ...newer].map((name) => [name, 1]));

      expect(await old.selectFrom('mission_fees').selectAll().orderBy(['mission_id', 'fee_code', 'fee_option']).execute()).toEqual(feesBefore);
      expect(await old.selectFrom('jobs').select('kind').execute()).toEqual([{ kind: 'subscribe_message.status' }]);

      // The upgraded database serves the old session, and a logout is honoured.
      const server = await startTestServer({ sharedDatabaseUrl: database.url, piiKey: generatePiiKey() });
      try {
        const me = await fetch(`${server.baseUrl}/api/me`, { headers: { authorization: `Bearer ${token}` } });
        expect(me.status).toBe(200);
        expect(((await me.json()) as { mission: { id: string } }).mission.id).toBe('us-chicago');
        expect((await fetch(`${server.baseUrl}/api/auth/logout`, { method: 'POST', headers: { authorization: `Bearer ${token}` } })).status).toBe(204);
        expect((await fetch(`${server.baseUrl}/api/me`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
      } finally {
        await server.close();
      }
    } finally {
      await old.destroy();
      await database.drop();
    }
  });
});
