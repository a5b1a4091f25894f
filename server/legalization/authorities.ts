import type { Kysely } from 'kysely';
import { DOMESTIC_AUTHORITIES, IssuingAuthority } from '../../contracts/legalization';
import type { Database } from '../db/schema';

/** Every issuing authority: the Ministry, the provincial offices, then the missions as stored now. */
export async function listAuthorities(db: Kysely<Database>): Promise<IssuingAuthority[]> {
  const missions = await db
    .selectFrom('missions')
    .select(['id', 'name_zh', 'name_en'])
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
  return [
    ...DOMESTIC_AUTHORITIES,
    ...missions.map((m) => ({ id: m.id, kind: 'mission' as const, nameZh: m.name_zh, nameEn: m.name_en })),
  ];
}

/** Authorities by id and by Chinese name (import files may use either). */
export class AuthorityIndex {
  private readonly byId = new Map<string, IssuingAuthority>();
  private readonly byName = new Map<string, IssuingAuthority>();

  constructor(authorities: IssuingAuthority[]) {
    for (const authority of authorities) {
      this.byId.set(authority.id, authority);
      this.byName.set(authority.nameZh, authority);
    }
  }

  static async load(db: Kysely<Database>): Promise<AuthorityIndex> {
    return new AuthorityIndex(await listAuthorities(db));
  }

  get(id: string): IssuingAuthority | undefined {
    return this.byId.get(id);
  }

  find(idOrName: string): IssuingAuthority | undefined {
    return this.byId.get(idOrName) ?? this.byId.get(idOrName.toLowerCase()) ?? this.byName.get(idOrName);
  }

  nameOf(id: string): string {
    return this.byId.get(id)?.nameZh ?? id;
  }
}
