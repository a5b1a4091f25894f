import { sql } from 'kysely';
import { registrationMessages as rm } from '../../../miniprogram/domain/registration-messages';
import { messages as domainMessages } from '../../../miniprogram/domain/messages';
import { fanOutAlert } from '../../../server/registration/alert-fan-out';
import { sweepRegistrations } from '../../../server/registration/registration-sweep';
import { sqlOnlyKinds } from '../../helpers/fresh-database';
import { client, startApplicationsServer, verifiedCitizen } from '../applications/helpers';
import { staffCookie } from '../legalization/console-helpers';
import { registrationForm, residentIdBornOn } from './helpers';
import { messageCatalogue } from '../../../server/workflow/message-catalogue';

jest.setTimeout(90_000);

describe.each(sqlOnlyKinds)('overseas citizen registration (%s)', (database) => {
  let ctx: Awaited<ReturnType<typeof startApplicationsServer>>;
  let nyReviewer: string;
  let nySupervisor: string;
  let chicagoSupervisor: string;
  beforeAll(async () => {
    ctx = await startApplicationsServer(database, { REGISTRATION_SWEEP_MINUTES: '0', JOB_POLL_MS: '0' });
    nyReviewer = await staffCookie(ctx.server, { username: 'reg.reviewer', role: 'reviewer' });
    nySupervisor = await staffCookie(ctx.server, { username: 'reg.supervisor', role: 'supervisor' });
    chicagoSupervisor = await staffCookie(ctx.server, { username: 'reg.chicago', role: 'supervisor', missionId: 'us-chicago' });
  });
  afterAll(() => ctx.close());

  const staffGet = (cookie: string, url: string) => ctx.server.app.inject({ method: 'GET', url, cookies: { cc_staff: cookie } });
  const staffPost = (cookie: string, url: string, payload: Record<string, unknown>) =>
    ctx.server.app.inject({ method: 'POST', url, cookies: { cc_staff: cookie }, payload });
  const count = async (table: 'registrations' | 'messages' | 'alert_deliveries') =>
    Number((await ctx.server.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

  it('registers oneself and family, matched to the mission of the district; identity numbers sealed', async () => {
    const api = await verifiedCitizen(ctx.server, 'o_reg_family');
    const self = await api.post('/api/registrations', registrationForm());
    expect(self.status).toBe(201);
    expect(self.body).toMatchObject({
      relation: 'self', name: '李明', idNumberMasked: '1101**********002X', status: 'active', statusLabel: '有效',
      missionId: 'us-new-york', region: '纽约', needsConfirmation: false, certificateCode: expect.stringMatching(/^CR[0-9A-Z]{12}$/),
    });
    expect(self.body.form).toMatchObject({ idNumber: '1101**********002X', phone: '+12125550100', chinaContactPhone: '+8613800138000', notes: '青霉素过敏；会说英语' });

    const child = await api.post('/api/registrations', registrationForm({
      relation: 'child', name: '李小明', idNumber: residentIdBornOn('20150601', 11), birthDate: '2015-06-01', region: '伊利诺伊', city: 'Chicago', address: '1 E Erie St, Chicago, IL 60611',
    }));
    expect(child.status).toBe(201);
    expect(child.body.missionId).toBe('us-chicago');
    const spouse = await api.post('/api/registrations', registrationForm({ relation: 'spouse', name: '王芳', idType: 'passport', idNumber: 'E12345678', birthDate: '1950-02-03' }));
    expect(spouse.status).toBe(201);

    // Each person once per account, one "self".
    const again = await api.post('/api/registrations', registrationForm({ relation: 'parent' }));
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe(rm.alreadyRegistered);
    const secondSelf = await api.post('/api/registrations', registrationForm({ name: '李四', idType: 'passport', idNumber: 'E22345678', birthDate: '1980-01-01' }));
    expect(secondSelf.status).toBe(409);
    expect(secondSelf.body.error.message).toBe(rm.selfAlreadyRegistered);

    const list = await api.get('/api/registrations');
    expect(list.body.registrations.map((r: { name: string }) => r.name)).toEqual(['王芳', '李小明', '李明']);
    const stored = await ctx.server.db.selectFrom('registrations').select(['id_number_enc', 'details_enc']).where('id', '=', self.body.id).executeTakeFirstOrThrow();
    expect(stored.id_number_enc).not.toContain('11010519491231002X');
    expect(stored.details_enc).not.toContain('2125550100');
  });

  it('refuses bad input field by field with the shared messages, and stores nothing', async () => {
    const api = await verifiedCitizen(ctx.server, 'o_reg_bad', { name: '张三', idType: 'resident_id', idNumber: residentIdBornOn('19800101', 21) });
    const before = await count('registrations');
    const bad = await api.post('/api/registrations', registrationForm({
      idNumber: '110105194912310021', birthDate: '1949-12-30', phone: '12345', purpose: 'tourist', departureDate: '', chinaContactName: '', region: '',
    }));
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual({
      idNumber: domainMessages.residentIdChecksum,
      phone: domainMessages.phoneInvalid,
      purpose: rm.purposeRequired,
      chinaContactName: rm.chinaContactRequired,
      region: rm.regionRequired,
    });
    const mismatch = await api.post('/api/registrations', registrationForm({ relation: 'self', idNumber: residentIdBornOn('19800101', 21), birthDate: '1980-01-02', departureDate: '2020-01-01' }));
    expect(mismatch.body.error.fields).toEqual({ birthDate: rm.birthDateMismatch, departureDate: rm.departureBeforeArrival });
    const noMission = await api.post('/api/registrations', registrationForm({ idNumber: residentIdBornOn('19800101', 21), birthDate: '1980-01-01', countryCode: 'FR' }));
    expect(noMission.body.error.fields).toEqual({ countryCode: rm.countryUnsupported });
    const unknownRegion = await api.post('/api/registrations', registrationForm({ idNumber: residentIdBornOn('19800101', 21), birthDate: '1980-01-01', region: '巴伐利亚' }));
    expect(unknownRegion.body.error.fields).toEqual({ region: rm.regionUnknown });
    expect(await count('registrations')).toBe(before);

    const unverified = client(ctx.server, await ctx.server.loginCitizen('o_reg_unverified'));
    const refused = await unverified.post('/api/registrations', registrationForm());
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe(rm.identityRequired);
  });

  it('updates, confirms, deregisters; the certificate and the export are the owner’s only (others get 404)', async () => {
    const api = await verifiedCitizen(ctx.server, 'o_reg_owner', { name: '赵六', idType: 'resident_id', idNumber: residentIdBornOn('19900505', 31) });
    const created = await api.post('/api/registrations', registrationForm({ name: '赵六', idNumber: residentIdBornOn('19900505', 31), birthDate: '1990-05-05' }));
    const id = created.body.id as string;

    // The form comes back with the masked number; sending it unchanged keeps the stored one.
    const updated = await api.put(`/api/registrations/${id}`, { ...created.body.form, region: '新泽西', city: 'Newark', address: '1 Market St, Newark, NJ 07102' });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ region: '新泽西', city: 'Newark', idNumberMasked: created.body.idNumberMasked, missionId: 'us-new-york' });
    const badUpdate = await api.put(`/api/registrations/${id}`, { ...created.body.form, phone: 'abc' });
    expect(badUpdate.status).toBe(400);
    expect((await api.get(`/api/registrations/${id}`)).body.city).toBe('Newark');

    const certificate = await api.get(`/api/registrations/${id}/certificate`);
    expect(certificate.body).toMatchObject({ code: created.body.certificateCode, qrText: `CNREG:${created.body.certificateCode}`, missionNameZh: '中华人民共和国驻纽约总领事馆' });

    const exported = await api.get('/api/registrations/export');
    expect(exported.body.registrations[0].form.idNumber).toBe(residentIdBornOn('19900505', 31));
    expect(await ctx.server.db.selectFrom('audit_log').select('action').where('action', '=', 'registration.export').where('actor_id', '=', created.body.form && (await ctx.server.db.selectFrom('registrations').select('user_id').where('id', '=', id).executeTakeFirstOrThrow()).user_id).execute()).toHaveLength(1);

    const other = await verifiedCitizen(ctx.server, 'o_reg_other', { name: '钱七', idType: 'resident_id', idNumber: residentIdBornOn('19910606', 41) });
    for (const url of [`/api/registrations/${id}`, `/api/registrations/${id}/certificate`]) expect((await other.get(url)).status).toBe(404);
    expect((await other.put(`/api/registrations/${id}`, created.body.form)).status).toBe(404);
    expect((await other.post(`/api/registrations/${id}/deregister`)).status).toBe(404);
    expect((await other.get('/api/registrations/export')).body.registrations).toEqual([]);

    // The yearly prompt: a year after the last confirmation.
    await ctx.server.db.updateTable('registrations').set({ confirmed_at: new Date(Date.now() - 400 * 86_400_000) }).where('id', '=', id).execute();
    expect((await api.get('/api/registrations')).body.registrations[0].needsConfirmation).toBe(true);
    const confirmed = await api.post(`/api/registrations/${id}/confirm`);
    expect(confirmed.body.needsConfirmation).toBe(false);

    const gone = await api.post(`/api/registrations/${id}/deregister`);
    expect(gone.body).toMatchObject({ status: 'deregistered', statusLabel: '已注销' });
    expect((await api.put(`/api/registrations/${id}`, created.body.form)).status).toBe(409);
    // Deregistered: the same person may register again.
    expect((await api.post('/api/registrations', registrationForm({ name: '赵六', idNumber: residentIdBornOn('19900505', 31), birthDate: '1990-05-05' }))).status).toBe(201);
  });

  it('ends registrations whose departure passed (with a message), prompts yearly once, deletes a year after the end', async () => {
    const api = await verifiedCitizen(ctx.server, 'o_reg_sweep', { name: '孙八', idType: 'resident_id', idNumber: residentIdBornOn('19850808', 51) });
    const soon = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const created = await api.post('/api/registrations', registrationForm({ name: '孙八', idNumber: residentIdBornOn('19850808', 51), birthDate: '1985-08-08', purpose: 'visitor', departureDate: soon }));
    const id = created.body.id as string;

    expect((await sweepRegistrations(ctx.server.db, new Date())).ended).toBe(0);
    const later = new Date(Date.now() + 4 * 86_400_000);
    const swept = await sweepRegistrations(ctx.server.db, later);
    expect(swept.ended).toBeGreaterThanOrEqual(1);
    expect((await api.get(`/api/registrations/${id}`)).body).toMatchObject({ status: 'ended', statusLabel: '已结束' });
    const inbox = await api.get('/api/messages');
    expect(inbox.body.messages[0]).toMatchObject(messageCatalogue.registrationEnded({ name: '孙八', departure: soon }));

    const resident = await api.post('/api/registrations', registrationForm({ relation: 'parent', name: '孙老', idType: 'passport', idNumber: 'E33345678', birthDate: '1950-01-01', purpose: 'resident', departureDate: '' }));
    expect(resident.status).toBe(201);
    const nextYear = new Date(Date.now() + 366 * 86_400_000);
    const prompted = await sweepRegistrations(ctx.server.db, nextYear);
    expect(prompted.prompted).toBeGreaterThanOrEqual(1);
    expect((await api.get('/api/messages')).body.messages[0]).toMatchObject(messageCatalogue.registrationConfirm({ name: '孙老' }));
    expect((await sweepRegistrations(ctx.server.db, nextYear)).prompted).toBe(0);

    await sweepRegistrations(ctx.server.db, new Date(Date.now() + 380 * 86_400_000));
    expect(await ctx.server.db.selectFrom('registrations').select('id').where('id', '=', id).executeTakeFirst()).toBeUndefined();
  });

  it('console: own mission only, masked search, audited views; emergency export for supervisors with a reason, watermarked', async () => {
    const api = await verifiedCitizen(ctx.server, 'o_reg_console', { name: '周九', idType: 'resident_id', idNumber: residentIdBornOn('19770707', 61) });
    const created = await api.post('/api/registrations', registrationForm({ name: '周九', idNumber: residentIdBornOn('19770707', 61), birthDate: '1977-07-07', region: '康涅狄格', city: 'Hartford', address: '1 Main St, Hartford, CT 06103', phone: '+18605550123' }));
    const id = created.body.id as string;

    const list = await staffGet(nyReviewer, '/api/console/registrations?region=' + encodeURIComponent('康涅狄格'));
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([expect.objectContaining({ id, name: '周九', idNumberMasked: created.body.idNumberMasked, phoneMasked: '+18*****0123', purposeLabel: '留学' })]);
    const byTail = await staffGet(nyReviewer, `/api/console/registrations?q=${residentIdBornOn('19770707', 61).slice(-4)}`);
    expect(byTail.json().items.map((r: { id: string }) => r.id)).toContain(id);
    const byCode = await staffGet(nyReviewer, `/api/console/registrations?q=CNREG:${created.body.certificateCode}`);
    expect(byCode.json().items.map((r: { id: string }) => r.id)).toEqual([id]);
    const stats = await staffGet(nyReviewer, '/api/console/registrations/stats');
    expect(stats.json().byRegion).toEqual(expect.arrayContaining([{ region: '康涅狄格', count: 1 }]));

    const detail = await staffGet(nyReviewer, `/api/console/registrations/${id}`);
    expect(detail.json()).toMatchObject({ phone: '+18605550123', address: '1 Main St, Hartford, CT 06103' });
    expect((await staffGet(chicagoSupervisor, `/api/console/registrations/${id}`)).statusCode).toBe(404);
    expect((await staffGet(chicagoSupervisor, '/api/console/registrations?region=' + encodeURIComponent('康涅狄格'))).json().items).toEqual([]);
    const views = await ctx.server.db.selectFrom('audit_log').select(['action', 'subject']).where('action', 'in', ['registration.view', 'registration.list']).execute();
    expect(views).toEqual(expect.arrayContaining([{ action: 'registration.view', subject: id }, expect.objectContaining({ action: 'registration.list' })]));

    // Emergency export: supervisors only, with a reason.
    expect((await staffPost(nyReviewer, '/api/console/registrations/export', { reason: '飓风应急联络', region: '康涅狄格' })).statusCode).toBe(403);
    const noReason = await staffPost(nySupervisor, '/api/console/registrations/export', { reason: ' ', region: '康涅狄格' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields.reason).toBe(rm.exportReasonRequired);
    const csv = await staffPost(nySupervisor, '/api/console/registrations/export', { reason: '飓风应急联络', region: '康涅狄格' });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[1]).toContain('导出人：reg.supervisor（reg.supervisor）');
    expect(lines[1]).toContain('事由：飓风应急联络');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toContain('+18605550123');
    expect(lines[3]).toContain('reg.supervisor');
    const exports = await ctx.server.db.selectFrom('audit_log').select(['actor_kind', 'detail']).where('action', '=', 'registration.emergency_export').execute();
    expect(exports).toEqual([expect.objectContaining({ actor_kind: 'staff', detail: expect.objectContaining({ reason: '飓风应急联络', rows: 1 }) })]);
  });

  it('a travel alert for a region reaches its registrants at once; answers and delivery counts', async () => {
    const api = await verifiedCitizen(ctx.server, 'o_reg_alert', { name: '吴十', idType: 'resident_id', idNumber: residentIdBornOn('19880808', 71) });
    const self = await api.post('/api/registrations', registrationForm({ name: '吴十', idNumber: residentIdBornOn('19880808', 71), birthDate: '1988-08-08', region: '佛蒙特', city: 'Burlington', address: '1 Church St, Burlington, VT 05401' }));
    const child = await api.post('/api/registrations', registrationForm({ relation: 'child', name: '吴小十', idNumber: residentIdBornOn('20120202', 72), birthDate: '2012-02-02', region: '佛蒙特', city: 'Burlington', address: '1 Church St, Burlington, VT 05401' }));
    await api.post('/api/subscriptions', { templateIds: ['sandbox-safety-alert'], accepted: ['sandbox-safety-alert'] });
    const elsewhere = await verifiedCitizen(ctx.server, 'o_reg_elsewhere', { name: '郑一', idType: 'resident_id', idNumber: residentIdBornOn('19870707', 73) });
    await elsewhere.post('/api/registrations', registrationForm({ name: '郑一', idNumber: residentIdBornOn('19870707', 73), birthDate: '1987-07-07', region: '缅因', city: 'Portland', address: '1 Congress St, Portland, ME 04101' }));

    const published = await staffPost(nySupervisor, '/api/console/info/alerts', { level: 'caution', title: '佛蒙特州洪水预警', body: '请远离河道。', region: '佛蒙特' });
    expect(published.statusCode).toBe(201);
    expect(published.json()).toMatchObject({ region: '佛蒙特', city: null });
    const alertId = published.json().id as string;

    // One message per account (not per person), at once; the other region gets none.
    const inbox = await api.get('/api/messages');
    expect(inbox.body.messages.filter((m: { alertId: string | null }) => m.alertId === alertId)).toHaveLength(1);
    expect((await elsewhere.get('/api/messages')).body.messages.filter((m: { alertId: string | null }) => m.alertId === alertId)).toHaveLength(0);

    const counts = await staffGet(nyReviewer, `/api/console/registrations/alerts/${alertId}`);
    expect(counts.json()).toMatchObject({ people: 2, messages: 1, subscription: { pending: 1, sent: 0, noQuota: 0, failed: 0 }, answers: { none: 2 } });
    await ctx.server.app.jobRunner.runDue();
    expect((await staffGet(nyReviewer, `/api/console/registrations/alerts/${alertId}`)).json().subscription).toEqual({ pending: 0, sent: 1, noQuota: 0, failed: 0 });

    const view = await api.get(`/api/registrations/alerts/${alertId}`);
    expect(view.body.people.map((p: { name: string }) => p.name)).toEqual(['吴十', '吴小十']);
    expect((await elsewhere.get(`/api/registrations/alerts/${alertId}`)).status).toBe(404);
    expect((await elsewhere.post(`/api/registrations/alerts/${alertId}/answer`, { registrationId: self.body.id, answer: 'safe' })).status).toBe(404);
    expect((await api.post(`/api/registrations/alerts/${alertId}/answer`, { registrationId: self.body.id, answer: 'maybe' })).status).toBe(400);

    await api.post(`/api/registrations/alerts/${alertId}/answer`, { registrationId: self.body.id, answer: 'safe' });
    const help = await api.post(`/api/registrations/alerts/${alertId}/answer`, { registrationId: child.body.id, answer: 'help', note: '被困家中' });
    expect(help.body.people).toEqual([expect.objectContaining({ name: '吴十', answer: 'safe' }), expect.objectContaining({ name: '吴小十', answer: 'help' })]);

    const answers = await staffGet(nyReviewer, `/api/console/registrations/alerts/${alertId}/answers`);
    expect(answers.json().items).toEqual([
      expect.objectContaining({ name: '吴小十', answer: 'help', note: '被困家中', phone: '+12125550100', reminder: expect.stringContaining('12308') }),
      expect.objectContaining({ name: '吴十', answer: 'safe', reminder: null }),
    ]);
    expect((await staffGet(chicagoSupervisor, `/api/console/registrations/alerts/${alertId}/answers`)).statusCode).toBe(404);

    // Publishing again for the same area does not message twice for the same alert; a city alert reaches only that city.
    const city = await staffPost(nySupervisor, '/api/console/info/alerts', { level: 'take_care', title: '波特兰停电', body: '注意安全。', city: 'portland' });
    const cityCounts = await staffGet(nyReviewer, `/api/console/registrations/alerts/${city.json().id}`);
    expect(cityCounts.json()).toMatchObject({ people: 1, messages: 1, subscription: { noQuota: 1 } });
  });

  it('a scheduled alert reaches registrants when it starts, through the job queue', async () => {
    const api = await verifiedCitizen(ctx.server, 'o_reg_scheduled', { name: '冯二', idType: 'resident_id', idNumber: residentIdBornOn('19860606', 81) });
    await api.post('/api/registrations', registrationForm({ name: '冯二', idNumber: residentIdBornOn('19860606', 81), birthDate: '1986-06-06', region: '罗得岛', city: 'Providence', address: '1 Main St, Providence, RI 02903' }));
    const startsAt = new Date(Date.now() + 3600_000);
    const published = await staffPost(nySupervisor, '/api/console/info/alerts', { level: 'take_care', title: '罗得岛风暴', body: '请留意。', region: '罗得岛', effectiveFrom: startsAt.toISOString() });
    const alertId = published.json().id as string;
    expect(await ctx.server.db.selectFrom('alert_deliveries').select('user_id').where('alert_id', '=', alertId).execute()).toEqual([]);
    // Its job is due at the start: move it to now instead of waiting an hour.
    await ctx.server.db.updateTable('travel_alerts').set({ effective_from: new Date() }).where('id', '=', alertId).execute();
    await ctx.server.db.updateTable('jobs').set({ run_at: sql<Date>`now()` }).where('kind', '=', 'registration.alert-fan-out').execute();
    await ctx.server.app.jobRunner.runDue();
    expect(await ctx.server.db.selectFrom('alert_deliveries').select('user_id').where('alert_id', '=', alertId).execute()).toHaveLength(1);

    // Running the fan-out again (a retried job) reaches only newcomers, and messages no account twice.
    const alert = await ctx.server.db.selectFrom('travel_alerts').selectAll().where('id', '=', alertId).executeTakeFirstOrThrow();
    expect(await fanOutAlert(ctx.server.db, alert, 'sandbox-safety-alert')).toEqual({ people: 0, messages: 0, subscriptionJobs: 0 });
    await api.post('/api/registrations', registrationForm({ relation: 'child', name: '冯小二', idNumber: residentIdBornOn('20100101', 82), birthDate: '2010-01-01', region: '罗得岛', city: 'Providence', address: '1 Main St, Providence, RI 02903' }));
    expect(await fanOutAlert(ctx.server.db, alert, 'sandbox-safety-alert')).toEqual({ people: 1, messages: 0, subscriptionJobs: 0 });
    const inbox = await api.get('/api/messages');
    expect(inbox.body.messages.filter((m: { alertId: string | null }) => m.alertId === alertId)).toHaveLength(1);
  });
});
