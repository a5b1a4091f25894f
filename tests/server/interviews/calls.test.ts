import sharp from 'sharp';
import { interviewMessages, SCREENSHOT_MAX_BYTES } from '../../../miniprogram/domain/interview';
import { databaseKinds } from '../../helpers/fresh-database';
import { images, startApplicationsServer } from '../applications/helpers';
import type { TestImages } from '../applications/walk';
import { book, createSlots, freeSlots, interviewOrder, missionDate, orderWithOpenCall, type StaffSession, staffSession } from './helpers';

jest.setTimeout(180_000);

describe.each(databaseKinds)('interview calls, signalling, screenshots (%s)', (database) => {
  let ctx: Awaited<ReturnType<typeof startApplicationsServer>>;
  let closed = false;
  let files: TestImages;
  let reviewer: StaffSession;
  let reviewer2: StaffSession;
  let chicago: StaffSession;

  beforeAll(async () => {
    ctx = await startApplicationsServer(database, { JOB_POLL_MS: '0', INTERVIEW_ICE_SERVERS: JSON.stringify([{ urls: 'stun:stun.example.org:3478' }]) });
    files = { idPhoto: await images.idPhoto(), document: await images.document(), signature: await images.signature() };
    reviewer = await staffSession(ctx.server, 'ny.calls', 'reviewer');
    reviewer2 = await staffSession(ctx.server, 'ny.calls2', 'reviewer');
    chicago = await staffSession(ctx.server, 'chi.calls', 'reviewer', 'us-chicago');
  });
  afterAll(async () => {
    if (!closed) await ctx.close();
  });

  const inject = async (method: 'GET' | 'POST', url: string, auth: { token?: string; cookie?: string } = {}, payload?: object) => {
    const reply = await ctx.server.app.inject({
      method,
      url,
      headers: auth.token ? { authorization: `Bearer ${auth.token}` } : {},
      cookies: auth.cookie ? { cc_staff: auth.cookie } : {},
      ...(payload ? { payload } : {}),
    });
    return { status: reply.statusCode, body: reply.body ? reply.json() : null };
  };
  const ticketOf = async (order: { api: any; id: string }) => {
    const reply = await order.api.post(`/api/applications/${order.id}/interview/call-ticket`);
    expect(reply.status).toBe(200);
    return new URL(reply.body.path, 'http://x').searchParams.get('ticket')!;
  };
  /** A free slot id of the mission (any day), created when none is left. */
  const freeSlotsAnyday = async () => {
    await createSlots(reviewer, { fromDate: missionDate(20), startTime: '10:00', endTime: '10:30', minutes: 30 });
    const probe = await interviewOrder(ctx.server, files, `o_call_probe_${Math.random().toString(36).slice(2, 8)}`);
    return (await freeSlots(probe.api, probe.id)).map((s) => s.id);
  };
  const join = (ticket: string) => inject('POST', '/api/interview-calls/join', {}, { ticket });
  const refusals = (subject: string) =>
    ctx.server.db.selectFrom('audit_log').selectAll().where('action', '=', 'access.refused').where('subject', '=', subject).execute();

  it('starting the call: only with a booking in 待视频面审; two reviewers at once get one call; the citizen is told and can join', async () => {
    const date = missionDate(3);
    await createSlots(reviewer, { fromDate: date, startTime: '09:00', endTime: '10:00', minutes: 30 });
    const order = await interviewOrder(ctx.server, files, 'o_call_start');
    const early = await reviewer.post(`/api/console/applications/${order.id}/interview/calls`);
    expect(early.status).toBe(409);
    expect(early.body.error).toEqual({ code: 'CANNOT_START_CALL', message: interviewMessages.cannotStartCall });
    expect((await order.api.post(`/api/applications/${order.id}/interview/call-ticket`)).body.error).toEqual({ code: 'CALL_NOT_OPEN', message: interviewMessages.callNotOpen });

    const [slot] = (await freeSlots(order.api, order.id)).filter((s) => s.local.date === date);
    await book(order.api, order.id, slot!.id);
    const panel = await reviewer.get(`/api/console/applications/${order.id}/interview`);
    expect(panel.status).toBe(200);
    expect(panel.body).toMatchObject({ applicationId: order.id, status: 'interview', timeZone: 'America/New_York', canStartCall: true, call: null, calls: [], screenshots: [], booking: { slotId: slot!.id } });

    const [a, b] = await Promise.all([reviewer.post(`/api/console/applications/${order.id}/interview/calls`), reviewer2.post(`/api/console/applications/${order.id}/interview/calls`)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.body).toEqual({ callId: expect.any(String), side: 'staff', iceServers: [{ urls: 'stun:stun.example.org:3478' }] });
    expect(b.body.callId).toBe(a.body.callId);
    expect((await reviewer.post(`/api/console/applications/${order.id}/interview/calls`)).body.callId).toBe(a.body.callId);
    expect(await ctx.server.db.selectFrom('interview_calls').select('id').where('application_id', '=', order.id).execute()).toHaveLength(1);

    const citizen = await order.api.get(`/api/applications/${order.id}/interview`);
    expect(citizen.body.call).toEqual({ id: a.body.callId, status: 'open', startedAt: expect.any(String), endedAt: null });
    expect(citizen.body.booking.canChange).toBe(false); // the call is on
    const started = (await order.api.get('/api/messages')).body.messages.filter((m: any) => m.title === '视频面审已开始');
    expect(started).toEqual([expect.objectContaining({ applicationId: order.id, body: '使领馆工作人员已发起视频面审，请尽快在订单详情中进入面审。' })]);
    expect((await order.api.post(`/api/applications/${order.id}/interview/booking/cancel`)).body.error).toEqual({ code: 'CALL_IN_PROGRESS', message: interviewMessages.callInProgress });

    const views = await ctx.server.db.selectFrom('audit_log').select('action').where('subject', '=', order.id).where('action', 'like', 'application.interview.%').execute();
    expect(views.map((v) => v.action)).toEqual(expect.arrayContaining(['application.interview.view', 'application.interview.call.start']));
  });

  it("another mission's staff cannot see the panel, start, end or mark the call (404, audited)", async () => {
    const order = await orderWithOpenCall(ctx.server, files, 'o_call_foreign', reviewer, missionDate(4));
    expect((await chicago.get(`/api/console/applications/${order.id}/interview`)).status).toBe(404);
    expect((await chicago.post(`/api/console/applications/${order.id}/interview/calls`)).status).toBe(404);
    const end = await chicago.post(`/api/console/interview-calls/${order.callId}/end`);
    expect(end.status).toBe(404);
    expect(end.body.error.message).toBe(interviewMessages.callNotFound);
    const signal = await inject('POST', `/api/interview-calls/${order.callId}/signals`, { cookie: chicago.cookie }, { kind: 'offer', data: { type: 'offer', sdp: 'v=0' } });
    expect(signal.status).toBe(404);
    expect((await refusals(order.id)).map((r) => r.mission_id)).toEqual(['us-chicago', 'us-chicago']);
    expect((await refusals(order.callId)).map((r) => (r.detail as any).route)).toEqual(['/api/console/interview-calls/:callId/end', '/api/interview-calls/:callId/signals']);
    expect((await reviewer.get(`/api/console/applications/${order.id}/interview`)).body.call.status).toBe('open');
  });

  it('call tickets: one use, expire, wrong ones refused; join gives a token for that call only', async () => {
    const order = await orderWithOpenCall(ctx.server, files, 'o_call_ticket', reviewer, missionDate(5));
    const reply = await order.api.post(`/api/applications/${order.id}/interview/call-ticket`);
    expect(reply.body).toEqual({ path: expect.stringMatching(/^\/interview\/call\?ticket=[A-Za-z0-9_-]{43}$/), expiresAt: expect.any(String) });
    expect(new Date(reply.body.expiresAt).getTime() - Date.now()).toBeGreaterThan(9 * 60_000);
    const ticket = new URL(reply.body.path, 'http://x').searchParams.get('ticket')!;
    // Only its hash is stored.
    const stored = await ctx.server.db.selectFrom('interview_call_tickets').select('hash').execute();
    expect(stored.some((t) => Buffer.from(t.hash).toString('base64url') === ticket)).toBe(false);

    const joined = await join(ticket);
    expect(joined.status).toBe(200);
    expect(joined.body).toEqual({
      callId: order.callId,
      side: 'citizen',
      token: expect.any(String),
      iceServers: [{ urls: 'stun:stun.example.org:3478' }],
      orderNo: order.orderNo,
      missionName: expect.stringContaining('纽约'),
      applicationId: order.id,
    });
    const again = await join(ticket);
    expect(again.status).toBe(410);
    expect(again.body.error).toEqual({ code: 'TICKET_INVALID', message: interviewMessages.ticketInvalid });
    expect((await join('x'.repeat(43))).status).toBe(410);

    const expiring = await ticketOf(order);
    await ctx.server.db.updateTable('interview_call_tickets').set({ expires_at: new Date(Date.now() - 1000) }).where('used_at', 'is', null).execute();
    expect((await join(expiring)).status).toBe(410);

    // The token works for this call's signals, not for the citizen's API nor another call.
    const token = joined.body.token as string;
    expect((await inject('GET', `/api/interview-calls/${order.callId}/signals`, { token })).status).toBe(200);
    expect((await inject('GET', `/api/applications/${order.id}/interview`, { token })).status).toBe(401);
    const other = await orderWithOpenCall(ctx.server, files, 'o_call_ticket_other', reviewer, missionDate(5));
    expect((await inject('GET', `/api/interview-calls/${other.callId}/signals`, { token })).status).toBe(401);
    expect((await inject('POST', `/api/interview-calls/${other.callId}/signals`, { token }, { kind: 'answer', data: {} })).status).toBe(401);
  });

  it('signals: staff offer → the citizen long-polls and gets it; each side reads only the other; no token 401; the deadline returns empty; an ended call takes no more', async () => {
    const order = await orderWithOpenCall(ctx.server, files, 'o_call_signals', reviewer, missionDate(6));
    const { token } = (await join(await ticketOf(order))).body;
    const url = `/api/interview-calls/${order.callId}/signals`;
    const staff = { cookie: reviewer.cookie };

    // The citizen's page is ready and waits for the offer (long-poll), which arrives 200 ms later.
    expect((await inject('POST', url, { token }, { kind: 'ready' })).status).toBe(200);
    const started = Date.now();
    const waiting = inject('GET', `${url}?after=0&waitMs=10000`, { token });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const offer = await inject('POST', url, staff, { kind: 'offer', data: { type: 'offer', sdp: 'v=0 offer' } });
    expect(offer.status).toBe(200);
    const got = await waiting;
    expect(Date.now() - started).toBeLessThan(5000);
    expect(got.body).toEqual({ signals: [{ seq: offer.body.seq, from: 'staff', kind: 'offer', data: { type: 'offer', sdp: 'v=0 offer' } }], status: 'open' });

    // Staff read the citizen's side only (their own offer is not echoed back).
    await inject('POST', url, { token }, { kind: 'answer', data: { type: 'answer', sdp: 'v=0 answer' } });
    await inject('POST', url, { token }, { kind: 'candidate', data: { candidate: 'candidate:1 1 udp 1 127.0.0.1 5000 typ host', sdpMid: '0' } });
    const forStaff = await inject('GET', `${url}?after=0`, staff);
    expect(forStaff.body.signals.map((s: any) => [s.from, s.kind])).toEqual([['citizen', 'ready'], ['citizen', 'answer'], ['citizen', 'candidate']]);
    const last = forStaff.body.signals[2].seq;
    expect((await inject('GET', `${url}?after=${last}`, staff)).body.signals).toEqual([]);
    // A second reviewer of the mission is the same side.
    expect((await inject('GET', `${url}?after=0`, { cookie: reviewer2.cookie })).body.signals).toHaveLength(3);

    // A signal another server instance wrote (straight into the database, no in-process wake-up)
    // is found by the poll's own re-check.
    const elsewhere = inject('GET', `${url}?after=${offer.body.seq}&waitMs=10000`, { token });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await ctx.server.db.insertInto('interview_signals').values({ call_id: order.callId, from_side: 'staff', kind: 'candidate', data: JSON.stringify({ candidate: 'x' }) }).execute();
    const seen = await elsewhere;
    expect(seen.body.signals).toEqual([expect.objectContaining({ from: 'staff', kind: 'candidate', data: { candidate: 'x' } })]);
    const lastStaff = seen.body.signals[0].seq;

    // Nothing new: the long-poll returns empty at its deadline.
    const quiet = Date.now();
    const empty = await inject('GET', `${url}?after=${lastStaff}&waitMs=800`, { token });
    expect(empty.body).toEqual({ signals: [], status: 'open' });
    expect(Date.now() - quiet).toBeGreaterThanOrEqual(700);
    // The same over real HTTP (what the call page does): it waits, then answers.
    const overHttp = Date.now();
    const response = await fetch(`${ctx.server.baseUrl}${url}?after=${lastStaff}&waitMs=800`, { headers: { authorization: `Bearer ${token}` } });
    expect(await response.json()).toEqual({ signals: [], status: 'open' });
    expect(Date.now() - overHttp).toBeGreaterThanOrEqual(700);

    // Nobody else: no credentials, a made-up token, a bad kind, too much data.
    expect((await inject('GET', url)).status).toBe(401);
    expect((await inject('POST', url, {}, { kind: 'offer', data: {} })).status).toBe(401);
    expect((await inject('GET', url, { token: 'made-up' })).status).toBe(401);
    expect((await inject('POST', url, { token }, { kind: 'video', data: {} })).status).toBe(400);
    const big = await inject('POST', url, { token }, { kind: 'candidate', data: { blob: 'x'.repeat(70 * 1024) } });
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('SIGNAL_TOO_LARGE');

    // Ending the call wakes a waiting long-poll at once, and the call takes no more signals.
    const hanging = inject('GET', `${url}?after=${offer.body.seq + 100}&waitMs=10000`, { token });
    await new Promise((resolve) => setTimeout(resolve, 150));
    const endedAt = Date.now();
    expect((await reviewer.post(`/api/console/interview-calls/${order.callId}/end`)).status).toBe(200);
    expect((await hanging).body).toEqual({ signals: [], status: 'ended' });
    expect(Date.now() - endedAt).toBeLessThan(3000);
    // The signals (ICE candidates carry both sides' IP addresses) are gone with the call.
    expect(await ctx.server.db.selectFrom('interview_signals').select('seq').where('call_id', '=', order.callId).execute()).toEqual([]);
    const late = await inject('POST', url, staff, { kind: 'hangup' });
    expect(late.status).toBe(409);
    expect(late.body.error).toEqual({ code: 'CALL_ENDED', message: interviewMessages.callEnded });
    expect((await inject('POST', url, { token }, { kind: 'hangup' })).status).toBe(409);
    // A ticket for an ended call: nothing to join.
    expect((await order.api.post(`/api/applications/${order.id}/interview/call-ticket`)).body.error.code).toBe('CALL_NOT_OPEN');
  });

  it('screenshots: a real PNG is stored encrypted and read back byte for byte; fakes 400, too big 413; only for the mission; only in 待视频面审', async () => {
    const order = await orderWithOpenCall(ctx.server, files, 'o_call_shots', reviewer, missionDate(7));
    const png = await sharp({ create: { width: 320, height: 240, channels: 3, background: { r: 40, g: 120, b: 200 } } }).png().toBuffer();
    const url = `/api/console/applications/${order.id}/interview/screenshots`;
    const taken = await reviewer.upload(url, png, 'image/png');
    expect(taken.status).toBe(200);
    expect(taken.body).toEqual({ id: expect.any(String), takenAt: expect.any(String), takenBy: 'ny.calls', url: `${url}/${taken.body.id}` });
    const row = await ctx.server.db.selectFrom('interview_screenshots').selectAll().where('id', '=', taken.body.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ call_id: order.callId, mime: 'image/png', bytes: png.length });
    // At rest it is not the PNG.
    const fs = await import('node:fs');
    const path = await import('node:path');
    const atRest = fs.readFileSync(path.join(ctx.dataDir, 'files', row.storage_key));
    expect(atRest.includes(png.subarray(0, 16))).toBe(false);

    const read = await reviewer.download(taken.body.url);
    expect(read).toMatchObject({ status: 200, type: 'image/png', cacheControl: 'private, no-store' });
    expect(read.data.equals(png)).toBe(true);
    const jpeg = await sharp(png).jpeg().toBuffer();
    expect((await reviewer2.upload(url, jpeg, 'image/jpeg')).body.takenBy).toBe('ny.calls2');
    expect((await reviewer.get(`/api/console/applications/${order.id}/interview`)).body.screenshots).toHaveLength(2);
    const reads = await ctx.server.db.selectFrom('audit_log').select('actor_id').where('action', '=', 'application.interview.screenshot.read').where('subject', '=', order.id).execute();
    expect(reads).toHaveLength(1);

    const fake = await reviewer.upload(url, Buffer.from('this is not an image at all'), 'image/png');
    expect(fake.status).toBe(400);
    expect(fake.body.error.code).toBe('IMAGE_REJECTED');
    const truncated = await reviewer.upload(url, Buffer.concat([png.subarray(0, 64), Buffer.alloc(200, 7)]), 'image/png');
    expect(truncated.status).toBe(400);
    const huge = await reviewer.upload(url, Buffer.concat([png, Buffer.alloc(SCREENSHOT_MAX_BYTES, 1)]), 'image/png');
    expect(huge.status).toBe(413);
    expect((await reviewer.upload(url, png, 'image/gif')).status).toBe(415);

    expect((await chicago.download(taken.body.url)).status).toBe(404);
    expect((await chicago.upload(url, png, 'image/png')).status).toBe(404);
    expect((await refusals(order.id)).map((r) => (r.detail as any).route)).toEqual([
      '/api/console/applications/:id/interview/screenshots/:shotId',
      '/api/console/applications/:id/interview/screenshots',
    ]);
    expect((await reviewer.download(`${url}/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    expect(await ctx.server.db.selectFrom('interview_screenshots').select('id').where('application_id', '=', order.id).execute()).toHaveLength(2);
  });

  it('end call → booking 已面审 → interview_passed → 复审中, in the timeline; screenshots then closed', async () => {
    const order = await orderWithOpenCall(ctx.server, files, 'o_call_pass', reviewer, missionDate(8));
    const ended = await reviewer.post(`/api/console/interview-calls/${order.callId}/end`);
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({ booking: null, call: null, canStartCall: false, calls: [{ id: order.callId, status: 'ended', endedAt: expect.any(String) }] });
    expect(ended.body.past[0]).toMatchObject({ slotId: order.slot.id, status: 'held', statusLabel: '已面审' });
    // Ending again: the same answer.
    expect((await reviewer.post(`/api/console/interview-calls/${order.callId}/end`)).body.past[0].status).toBe('held');

    // Held, not yet decided: no new booking, no second call; both sides say it is done.
    expect(ended.body.held).toBe(true);
    const waiting = await order.api.get(`/api/applications/${order.id}/interview`);
    expect(waiting.body).toMatchObject({ required: true, days: [], booking: null, heldNotice: '面审已完成，等待审核结果' });
    const [another] = await freeSlotsAnyday();
    const rebook = await order.api.post(`/api/applications/${order.id}/interview/booking`, { slotId: another });
    expect(rebook.status).toBe(409);
    expect(rebook.body.error).toMatchObject({ code: 'INTERVIEW_HELD', message: '面审已完成，等待审核结果' });
    expect((await order.api.get(`/api/applications/${order.id}/timeline`)).body.nextStep.text).toBe('面审已完成，等待审核结果');
    expect((await reviewer.post(`/api/console/applications/${order.id}/interview/calls`)).body.error.code).toBe('CANNOT_START_CALL');

    const view = await reviewer.get(`/api/console/applications/${order.id}`);
    expect(view.body.nextStep.text).toBe('面审已完成：请决定面审通过或不予受理');
    expect(view.body.allowedActions).toContainEqual(expect.objectContaining({ action: 'interview_passed', label: '面审通过', requires: [] }));
    const passed = await reviewer.post(`/api/console/applications/${order.id}/actions/interview_passed`, { version: view.body.version });
    expect(passed.status).toBe(200);
    expect(passed.body.status).toBe('second_review');
    const timeline = await order.api.get(`/api/applications/${order.id}/timeline`);
    expect(timeline.body).toMatchObject({ status: 'second_review', statusLabel: '复审中' });
    expect(timeline.body.entries.map((e: any) => e.action)).toEqual(['submit_pay_at_mission', 'require_interview', 'interview_passed']);
    const citizen = await order.api.get(`/api/applications/${order.id}/interview`);
    expect(citizen.body).toMatchObject({ required: false, days: [], booking: null, call: null, past: [expect.objectContaining({ status: 'held' })] });
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#fff' } }).png().toBuffer();
    expect((await reviewer.upload(`/api/console/applications/${order.id}/interview/screenshots`, png, 'image/png')).body.error.code).toBe('INTERVIEW_NOT_REQUIRED');
    expect((await reviewer.post(`/api/console/applications/${order.id}/interview/calls`)).body.error.code).toBe('CANNOT_START_CALL');
  });

  it('passing the order while the call is still open ends the call and records the booking as held; a booking left without a call frees its slot', async () => {
    const order = await orderWithOpenCall(ctx.server, files, 'o_call_pass_open', reviewer, missionDate(10));
    const view = await reviewer.get(`/api/console/applications/${order.id}`);
    expect((await reviewer.post(`/api/console/applications/${order.id}/actions/interview_passed`, { version: view.body.version })).status).toBe(200);
    const panel = await reviewer.get(`/api/console/applications/${order.id}/interview`);
    expect(panel.body).toMatchObject({ status: 'second_review', booking: null, call: null, calls: [{ id: order.callId, status: 'ended' }], past: [expect.objectContaining({ status: 'held' })] });
    expect((await inject('POST', `/api/interview-calls/${order.callId}/signals`, { cookie: reviewer.cookie }, { kind: 'hangup' })).status).toBe(409);

    // Booked, then passed without any call: the slot is offered again.
    const date = missionDate(11);
    await createSlots(reviewer, { fromDate: date, startTime: '09:00', endTime: '09:30', minutes: 30 });
    const first = await interviewOrder(ctx.server, files, 'o_call_pass_nocall');
    const [slot] = (await freeSlots(first.api, first.id)).filter((s) => s.local.date === date);
    await book(first.api, first.id, slot!.id);
    const firstView = await reviewer.get(`/api/console/applications/${first.id}`);
    // No call took place: 面审通过 alone is refused; recording an in-person interview (with a note) passes.
    const refused = await reviewer.post(`/api/console/applications/${first.id}/actions/interview_passed`, { version: firstView.body.version });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'INTERVIEW_NOT_HELD', message: expect.stringContaining('尚未进行面审') });
    expect(firstView.body.allowedActions).toContainEqual(expect.objectContaining({ action: 'interview_passed', label: '记录到馆面审并通过', requires: ['note'], inPerson: true }));
    expect((await reviewer.post(`/api/console/applications/${first.id}/actions/interview_passed`, { version: firstView.body.version, inPerson: true })).status).toBe(409);
    const passed = await reviewer.post(`/api/console/applications/${first.id}/actions/interview_passed`, {
      version: firstView.body.version,
      inPerson: true,
      note: '申请人到馆面谈，身份核实无误',
    });
    expect(passed.status).toBe(200);
    const next = await interviewOrder(ctx.server, files, 'o_call_pass_next');
    expect((await freeSlots(next.api, next.id)).map((s) => s.id)).toContain(slot!.id);
    expect((await book(next.api, next.id, slot!.id)).booking.slotId).toBe(slot!.id);
    expect((await first.api.get(`/api/applications/${first.id}/interview`)).body.past).toEqual([expect.objectContaining({ slotId: slot!.id, status: 'cancelled' })]);
  });

  it('an open long-poll does not hold up closing the server', async () => {
    const order = await orderWithOpenCall(ctx.server, files, 'o_call_close', reviewer, missionDate(9));
    const waiting = inject('GET', `/api/interview-calls/${order.callId}/signals?waitMs=20000`, { cookie: reviewer.cookie });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const closing = Date.now();
    closed = true;
    await ctx.close();
    expect(Date.now() - closing).toBeLessThan(5000);
    await waiting.catch(() => undefined);
  });
});
