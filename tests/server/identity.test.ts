import { createPiiCipher } from '../../server/security/pii-cipher';
import { databaseKinds } from '../helpers/fresh-database';
import { startTestServer, TestServer } from '../helpers/test-server';

describe.each(databaseKinds)('real-name identity (%s)', (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ database });
  });
  afterAll(() => server.close());

  const putIdentity = (token: string, body: unknown) =>
    fetch(`${server.baseUrl}/api/me/identity`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  const alice = { name: '李明', idType: 'resident_id', idNumber: '11010519491231002X', phone: '+1 212 555 0100' };

  it('verifies a resident ID and only ever shows it masked', async () => {
    const token = await server.loginCitizen('o_id_1');
    const response = await putIdentity(token, alice);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).not.toContain('11010519491231002X');
    expect(JSON.parse(text).identity).toMatchObject({
      name: '李明',
      idType: 'resident_id',
      idNumberMasked: '1101**********002X',
      phone: '+12125550100',
      email: null,
    });
    const profile = await fetch(`${server.baseUrl}/api/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(await profile.text()).not.toContain('11010519491231002X');
  });

  it('stores the number encrypted, findable only by its keyed hash', async () => {
    const row = await server.db.selectFrom('identities').selectAll().where('name', '=', '李明').executeTakeFirstOrThrow();
    expect(row.id_number_enc).not.toContain('11010519491231002X');
    expect(row.id_number_enc).not.toContain('49123100');
    const cipher = createPiiCipher(server.piiKey);
    expect(cipher.decrypt(row.id_number_enc)).toBe('11010519491231002X');
    expect(Buffer.from(row.id_number_index).equals(cipher.blindIndex('resident_id:11010519491231002X'))).toBe(true);
    // A different key can neither read it nor find it.
    const otherKey = createPiiCipher(Buffer.alloc(32, 7).toString('base64'));
    expect(() => otherKey.decrypt(row.id_number_enc)).toThrow();
    expect(Buffer.from(row.id_number_index).equals(otherKey.blindIndex('resident_id:11010519491231002X'))).toBe(false);
  });

  it('refuses the same identity on a second WeChat account, with a clear message', async () => {
    const token = await server.loginCitizen('o_id_2');
    const response = await putIdentity(token, { ...alice, idNumber: '11010519491231002x', phone: '13812345678' });
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({
      error: { code: 'IDENTITY_TAKEN', message: expect.stringContaining('已在其他微信账号完成实名认证') },
    });
    const profile = await (await fetch(`${server.baseUrl}/api/me`, { headers: { authorization: `Bearer ${token}` } })).json();
    expect((profile as { identity: unknown }).identity).toBeNull();
  });

  it('lets the owner update the contact details of their own identity', async () => {
    const token = await server.loginCitizen('o_id_1');
    const response = await putIdentity(token, { ...alice, phone: '', email: 'li.ming@example.com' });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { identity: { email: string; phone: null } }).identity).toMatchObject({
      email: 'li.ming@example.com',
      phone: null,
    });
  });

  it.each([
    [{ ...alice, idNumber: '110105194912310021' }, { idNumber: '居民身份证号码校验位不正确，请核对后重新输入' }],
    [{ ...alice, idNumber: '110105194902300029' }, { idNumber: '居民身份证号码中的出生日期不正确' }],
    [{ ...alice, idType: 'passport', idNumber: 'EI1234567' }, { idNumber: expect.stringContaining('护照号码格式不正确') }],
    [{ ...alice, phone: '12345', email: undefined }, { phone: expect.stringContaining('手机号码格式不正确') }],
    [{ name: '', idType: 'resident_id', idNumber: '' }, { name: '请填写姓名', idNumber: '请填写证件号码', phone: expect.any(String) }],
  ])('rejects bad input %# with the validator’s field messages and stores nothing', async (body, fields) => {
    const token = await server.loginCitizen('o_id_3');
    const response = await putIdentity(token, body);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: { code: 'VALIDATION_FAILED', message: expect.any(String), fields } });
    const user = await server.db.selectFrom('users').select('id').where('openid', '=', 'o_id_3').executeTakeFirstOrThrow();
    expect(await server.db.selectFrom('identities').select('user_id').where('user_id', '=', user.id).executeTakeFirst()).toBeUndefined();
  });

  it('rejects a body of the wrong shape', async () => {
    const token = await server.loginCitizen('o_id_3');
    const response = await putIdentity(token, { name: 42, idNumber: ['x'] });
    expect(response.status).toBe(400);
  });

  it('lets exactly one of two accounts racing for one passport win', async () => {
    const tokens = await Promise.all(['o_race_1', 'o_race_2', 'o_race_3'].map((openid) => server.loginCitizen(openid)));
    const passport = { name: 'WANG Fang', idType: 'passport', idNumber: 'E98765432', email: 'w@example.com' };
    const statuses = await Promise.all(tokens.map((token) => putIdentity(token, passport).then((r) => r.status)));
    expect(statuses.sort()).toEqual([200, 409, 409]);
  });

  it('requires login', async () => {
    const response = await fetch(`${server.baseUrl}/api/me/identity`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(alice),
    });
    expect(response.status).toBe(401);
  });

  it('answers IDENTITY_TAKEN at most five times an hour per citizen (then refuses every number), logs and audits each', async () => {
    const token = await server.loginCitizen('o_id_prober');
    const probe = (idNumber: string, remoteAddress = '198.51.100.7') =>
      server.app.inject({ method: 'PUT', url: '/api/me/identity', headers: { authorization: `Bearer ${token}` }, payload: { ...alice, idNumber }, remoteAddress });
    for (let i = 0; i < 5; i++) expect((await probe('11010519491231002X')).statusCode).toBe(409);
    // Over the limit: refused whether the number is taken or free, so the answer says nothing.
    const taken = await probe('11010519491231002X');
    const free = await probe('440524188001010014');
    for (const response of [taken, free]) {
      expect(response.statusCode).toBe(429);
      expect(response.json()).toEqual({ error: { code: 'TOO_MANY_REQUESTS', message: '操作过于频繁，请稍后再试' } });
    }
    const audited = await server.db.selectFrom('audit_log').select(['detail']).where('action', '=', 'identity.taken').execute();
    expect(audited.length).toBeGreaterThanOrEqual(5);
    // Another citizen behind the same address is not affected until the address's own limit.
    const neighbour = await server.loginCitizen('o_id_neighbour');
    const own = await server.app.inject({
      method: 'PUT',
      url: '/api/me/identity',
      headers: { authorization: `Bearer ${neighbour}` },
      payload: { ...alice, idNumber: '440524188001010014' },
      remoteAddress: '198.51.100.7',
    });
    expect(own.statusCode).toBe(200);
  });
});
