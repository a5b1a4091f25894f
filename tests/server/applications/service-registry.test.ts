import { applicationServices, findApplicationService, registerApplicationService } from '../../../miniprogram/domain/services/service-registry';
import { contactFields, personalFields } from '../../../miniprogram/domain/services/common-fields';
import { localizeService, MissingServiceText } from '../../../miniprogram/domain/services/service-text';
import { pensionStructure } from '../../../miniprogram/domain/services/pension';
import { pensionTexts } from '../../../miniprogram/domain/services/pension-text';
import { startApplicationsServer, verifiedCitizen } from './helpers';
import { signedInStaff } from '../review/helpers';
import { fixtureStructure, fixtureTexts } from './fixture-service';

jest.setTimeout(90_000);

// The proof of an open registry: a definition this test registers works from draft to
// order — enum checks, the services table, order numbers, the console filter — with no
// other file touched.
const fixture = registerApplicationService(localizeService(fixtureStructure, fixtureTexts['zh-CN']), fixtureTexts);

describe('service registry', () => {
  it('refuses a second service with the same id or the same order letter', () => {
    expect(() => registerApplicationService(fixture)).toThrow(/already registered/);
    expect(() => registerApplicationService({ ...fixture, id: 'another_fixture' })).toThrow(/order code F/);
  });

  it("a document proves only fields of its own service (the console shows it beside them)", () => {
    for (const service of applicationServices()) {
      for (const document of service.documents) {
        for (const field of document.proves ?? []) expect(`${service.id}.${document.id} → ${field in service.fields ? field : 'unknown ' + field}`).toBe(`${service.id}.${document.id} → ${field}`);
      }
    }
    expect(findApplicationService('passport')!.documents.find((d) => d.id === 'passport_data_page')?.proves).toEqual(['currentPassportNumber', 'currentPassportExpiry']);
  });

  it('a text map in another language lays its words over the structure', () => {
    const english = findApplicationService(fixture.id, 'en')!;
    expect(english.title).toBe('Fishing permit certificate');
    expect(english.fields.waters.options?.map((o) => o.label)).toEqual(['Lake', 'Sea']);
    expect(english.steps[0].kind).toBe('form');
    expect(findApplicationService(fixture.id)!.title).toBe('钓鱼许可证明');
  });

  it('a structure whose text map lacks a label is refused when it is put together', () => {
    const fields = { ...pensionTexts['zh-CN'].fields };
    delete (fields as Record<string, unknown>).socialSecurityNumber;
    expect(() => localizeService(pensionStructure, { ...pensionTexts['zh-CN'], fields })).toThrow(MissingServiceText);
  });

  // A service that asks for shared fields (common-fields.ts) words only its own: the shared
  // ones read the same in every service, in each language, from common-fields-text.ts.
  const sharedStructure = {
    ...fixtureStructure,
    id: 'fixture_shared_fields',
    orderCode: 'G',
    fields: { ...fixtureStructure.fields, ...personalFields, phone: contactFields.phone },
    steps: [{ ...fixtureStructure.steps[0], fields: [...fixtureStructure.steps[0].fields, 'sex', 'phone'] }, fixtureStructure.steps[1]],
  };

  it('a shared field takes the words of its language unless the service words it itself', () => {
    const texts = { ...fixtureTexts, 'zh-Hant': { ...fixtureTexts.en, title: '釣魚許可證明', fields: { ...fixtureTexts.en.fields, phone: { label: '釣魚時的聯絡電話' } } } };
    registerApplicationService(sharedStructure, texts);
    const hant = findApplicationService(sharedStructure.id, 'zh-Hant')!;
    expect(hant.fields.sex.label).toBe('性別');
    expect(hant.fields.sex.options?.map((o) => o.label)).toEqual(['男', '女']);
    expect(hant.fields.surnamePinyin.placeholder).toBe('例：ZHANG');
    // Its own entry replaces the shared one whole: no shared hint is mixed in.
    expect(hant.fields.phone).toMatchObject({ label: '釣魚時的聯絡電話' });
    expect(hant.fields.phone.hint).toBeUndefined();
    expect(findApplicationService(sharedStructure.id, 'en')!.fields.phone).toMatchObject({ label: 'Phone', hint: expect.stringMatching(/^An overseas number/) });
    expect(findApplicationService(sharedStructure.id)!.fields.birthDate.label).toBe('出生日期');
  });

  it('a service missing a word in any one language is not registered', () => {
    // English words only its own fields, but it has a field nothing words: refused, in English.
    const gap = { ...sharedStructure, id: 'fixture_word_gap', orderCode: 'H', fields: { ...sharedStructure.fields, bait: { id: 'bait', type: 'text' as const } } };
    const texts = { ...fixtureTexts, 'zh-CN': { ...fixtureTexts['zh-CN'], fields: { ...fixtureTexts['zh-CN'].fields, bait: { label: '鱼饵' } } } };
    expect(() => registerApplicationService(gap, texts)).toThrow(/fixture_word_gap\.fields\.bait\.label \(en\)/);
    expect(findApplicationService(gap.id)).toBeUndefined();
  });

  describe('a fixture service, draft → submit over HTTP', () => {
    let ctx: Awaited<ReturnType<typeof startApplicationsServer>>;
    beforeAll(async () => {
      ctx = await startApplicationsServer('pglite');
    });
    afterAll(() => ctx.close());

    it('is created, validated with its own definition, submitted and queued', async () => {
      const api = await verifiedCitizen(ctx.server, 'o_registry_fixture');
      const created = await api.post('/api/applications', { service: fixture.id, missionId: 'us-new-york' });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ service: fixture.id, serviceTitle: '钓鱼许可证明', currentStep: 'holder' });
      const id = created.body.id as string;

      // Its own options: anything else is refused with the engine's message.
      const wrong = await api.put(`/api/applications/${id}/steps/holder`, { answers: { applicantRelation: 'self', holderName: '李明', waters: 'river' } });
      expect(wrong.status).toBe(400);
      expect(wrong.body.error.fields.waters).toBe('请从选项中选择');

      const saved = await api.put(`/api/applications/${id}/steps/holder`, { answers: { applicantRelation: 'self', holderName: '李明', waters: 'lake' } });
      expect(saved.status).toBe(200);
      expect(saved.body.currentStep).toBe('review');

      const submitted = await api.post(`/api/applications/${id}/submit`);
      expect(submitted.status).toBe(200);
      // Fee-free: straight into the mission's queue, numbered with the service's own letter.
      expect(submitted.body).toMatchObject({ status: 'submitted', orderNo: expect.stringMatching(/^USNY-F-\d{6}-\d{4}$/), fees: [] });

      const row = await ctx.server.db.selectFrom('services').selectAll().where('id', '=', fixture.id).executeTakeFirst();
      expect(row).toMatchObject({ title: '钓鱼许可证明', order_code: 'F' });

      const staff = await signedInStaff(ctx.server, 'registry.staff', 'reviewer');
      const queue = await staff.get(`/api/console/queue?service=${fixture.id}`);
      expect(queue.status).toBe(200);
      const items = queue.body.items as Array<{ id: string; serviceTitle: string }>;
      expect(items).toEqual([expect.objectContaining({ id, serviceTitle: '钓鱼许可证明' })]);
    });

    it('an unknown service is a 400 with a Chinese message, and nothing is created', async () => {
      const api = await verifiedCitizen(ctx.server, 'o_registry_unknown', { name: '王芳', idType: 'passport', idNumber: 'E23456789' });
      const response = await api.post('/api/applications', { service: 'no_such_service', missionId: 'us-new-york' });
      expect(response.status).toBe(400);
      expect(response.body.error.fields.service).toMatch(/[\u4e00-\u9fa5]/);
      expect((await api.get('/api/applications')).body.applications).toEqual([]);
    });
  });
});
