import { databaseKinds } from '../../helpers/fresh-database';
import { client, images, residentId, startApplicationsServer, verifiedCitizen } from '../applications/helpers';
import { newDraft, type TestImages, walkRenewal } from '../applications/walk';
import { signedInStaff } from '../review/helpers';
import { squatRenewal } from './squat';

jest.setTimeout(120_000);

/**
 * Pre-blocking: a stranger applies "for a relative" with someone's ID number first. The real
 * person is refused without learning anything about the stranger, sees the application in
 * their name once verified, objects, and the mission voids it.
 */
describe.each(databaseKinds)('applications made in someone else’s name (%s)', (database) => {
  let ctx: Awaited<ReturnType<typeof startApplicationsServer>>;
  let files: TestImages;
  beforeAll(async () => {
    ctx = await startApplicationsServer(database);
    files = { idPhoto: await images.idPhoto(), document: await images.document(), signature: await images.signature() };
  });
  afterAll(() => ctx.close());

  it('the identity holder is refused without a leak, sees the blocking application, objects, and staff void it', async () => {
    const victimNumber = residentId(951);
    // The squatter: verified with their own number, applies "for a relative" with the victim's.
    const squatter = await verifiedCitizen(ctx.server, 'o_squatter', { name: '王某', idType: 'resident_id', idNumber: residentId(952) });
    const { id: blocking, orderNo: squatterOrderNo } = await squatRenewal(squatter, files, victimNumber);

    // The real person: refused, and told nothing about the other account's order.
    const victim = await verifiedCitizen(ctx.server, 'o_victim', { name: '李明', idType: 'resident_id', idNumber: victimNumber });
    const own = await newDraft(victim);
    await walkRenewal(victim, own, files, { overrides: { paymentMethod: 'at_mission' } });
    const refused = await victim.post(`/api/applications/${own}/submit`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('APPLICANT_BLOCKED');
    expect(JSON.stringify(refused.body)).not.toContain(squatterOrderNo);

    // Verified holder of the number: sees the application made in their name, and objects.
    const listed = await victim.get('/api/me/identity/blocking-applications');
    expect(listed.status).toBe(200);
    expect(listed.body.applications).toEqual([expect.objectContaining({ id: blocking, orderNo: squatterOrderNo, objected: false })]);
    expect((await victim.post(`/api/me/identity/blocking-applications/${blocking}/objection`, { reason: '我从未委托他人办理' })).status).toBe(201);
    expect((await victim.get('/api/me/identity/blocking-applications')).body.applications[0].objected).toBe(true);
    // Nobody else can see or object: the squatter has no verified identity matching, a stranger none at all.
    expect((await squatter.get('/api/me/identity/blocking-applications')).body.applications).toEqual([]);
    const stranger = client(ctx.server, await ctx.server.loginCitizen('o_stranger'));
    expect((await stranger.post(`/api/me/identity/blocking-applications/${blocking}/objection`, {})).status).toBe(403);

    // The mission's supervisors see it and void the application; a reviewer may not.
    const reviewer = await signedInStaff(ctx.server, 'obj.reviewer', 'reviewer');
    expect((await reviewer.get('/api/console/applicant-objections')).status).toBe(403);
    const supervisor = await signedInStaff(ctx.server, 'obj.supervisor', 'supervisor');
    const open = await supervisor.get('/api/console/applicant-objections');
    expect(open.body.objections).toEqual([expect.objectContaining({ applicationId: blocking, orderNo: squatterOrderNo, reason: '我从未委托他人办理' })]);
    const chicago = await signedInStaff(ctx.server, 'obj.chicago', 'supervisor', 'us-chicago');
    expect((await chicago.get('/api/console/applicant-objections')).body.objections).toEqual([]);
    const resolved = await supervisor.post(`/api/console/applicant-objections/${open.body.objections[0].id}/resolve`, { outcome: 'void', note: '申请人本人提出异议，冒用身份' });
    expect(resolved.status).toBe(200);
    expect((await squatter.get(`/api/applications/${blocking}`)).body.status).toBe('rejected');
    expect((await supervisor.get('/api/console/applicant-objections')).body.objections).toEqual([]);

    // Now the real person can apply.
    expect((await victim.post(`/api/applications/${own}/submit`)).status).toBe(200);
  });
});
