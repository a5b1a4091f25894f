import { localeOfAcceptLanguage } from '../../../server/http/request-locale';
import { databaseKinds } from '../../helpers/fresh-database';
import { startTestServer, TestServer } from '../../helpers/test-server';

describe('Accept-Language → the language of the answer', () => {
  it.each([
    ['zh-Hant,zh-TW;q=0.9', 'zh-Hant'],
    ['zh-TW', 'zh-Hant'],
    ['zh-HK,en;q=0.5', 'zh-Hant'],
    ['en', 'en'],
    ['en-GB,en;q=0.9', 'en'],
    ['zh-CN', 'zh-CN'],
    ['fr-FR', 'zh-CN'],
    [undefined, 'zh-CN'],
  ])('%s → %s', (header, locale) => {
    expect(localeOfAcceptLanguage(header)).toBe(locale);
  });
});

describe.each(databaseKinds)('API errors in the caller\'s language (%s)', (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ database });
  });
  afterAll(() => server.close());

  const putIdentity = (token: string, language: string | undefined, body: unknown) =>
    fetch(`${server.baseUrl}/api/me/identity`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(language ? { 'accept-language': language } : {}) },
      body: JSON.stringify(body),
    });

  it('renders the error and every field message in 简体, 繁體 or English, and saves nothing', async () => {
    const token = await server.loginCitizen('o_lang_1');
    const bad = { name: '', idType: 'resident_id', idNumber: '123', phone: '12' };
    const answers = Object.fromEntries(
      await Promise.all(
        ([undefined, 'zh-Hant,zh-TW;q=0.9', 'en'] as const).map(async (language) => {
          const response = await putIdentity(token, language, bad);
          expect(response.status).toBe(400);
          return [language ?? 'zh-CN', ((await response.json()) as { error: { code: string; message: string; fields: Record<string, string> } }).error];
        }),
      ),
    );
    expect(answers['zh-CN']).toMatchObject({ code: 'VALIDATION_FAILED', message: '提交的信息有误，请按提示修改', fields: { name: '请填写姓名' } });
    expect(answers['zh-Hant,zh-TW;q=0.9']).toMatchObject({ code: 'VALIDATION_FAILED', message: '提交的資訊有誤，請按提示修改', fields: { name: '請填寫姓名' } });
    expect(answers.en).toMatchObject({ code: 'VALIDATION_FAILED', message: 'Some of the information is not valid. Please correct it as shown', fields: { name: 'Please enter the name' } });
    // Same fields, each in its language.
    expect(Object.keys(answers.en.fields).sort()).toEqual(Object.keys(answers['zh-CN'].fields).sort());
    for (const message of Object.values(answers.en.fields)) expect(message).not.toMatch(/[\u4e00-\u9fff]/);
    const profile = (await (await fetch(`${server.baseUrl}/api/me`, { headers: { authorization: `Bearer ${token}` } })).json()) as { identity: unknown };
    expect(profile.identity).toBeNull();
  });

  it('answers a missing route and an expired session in English when asked', async () => {
    const missing = await fetch(`${server.baseUrl}/api/no-such-thing`, { headers: { 'accept-language': 'en' } });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'The requested item does not exist' } });
    const unauthenticated = await fetch(`${server.baseUrl}/api/me`, { headers: { authorization: 'Bearer nonsense', 'accept-language': 'en' } });
    expect(unauthenticated.status).toBe(401);
    expect(((await unauthenticated.json()) as { error: { message: string } }).error.message).toBe('Your sign-in has expired. Please sign in again');
  });

  it('keeps the staff console in 简体中文 whatever the browser asks for', async () => {
    const response = await fetch(`${server.baseUrl}/api/console/me`, { headers: { 'accept-language': 'en-US,en;q=0.9' } });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe('登录已过期，请重新登录');
  });
});
