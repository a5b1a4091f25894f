import { BOOKING_LEAD_MINUTES, interviewMessages } from '../../../miniprogram/domain/interview';
import { databaseKinds } from '../../helpers/fresh-database';
import { images, startApplicationsServer } from '../applications/helpers';
import type { TestImages } from '../applications/walk';
import { type StaffClient, signedInStaff, submittedOrder } from '../review/helpers';
import { book, createSlots, freeSlots, interviewOrder, missionDate } from './helpers';

jest.setTimeout(180_000);

describe.each(databaseKinds)('interview bookings, citizen (%s)', (database) => {
  let ctx: Awaited<ReturnType<typeof startApplicationsServer>>;
  let files: TestImages;
  let reviewer: StaffClient;
  let chicago: StaffClient;

  beforeAll(async () => {
    ctx = await startApplicationsServer(database, { JOB_POLL_MS: '0' });
    files = { idPhoto: await images.idPhoto(), document: await images.document(), signature: await images.signature() };
    reviewer = await signedInStaff(ctx.server, 'ny.bookings', 'reviewer');
    chicago = await signedInStaff(ctx.server, 'chi.bookings', 'reviewer', 'us-chicago');
  });
  afterAll(() => ctx.close());

  const onDate = async (api: any, id: string, date: string) => (await freeSlots(api, id)).filter((s) => s.local.date === date);
  /** Time control: the slot now starts `minutes` from the real clock. */
  const moveSlotTo = (slotId: string, minutes: number) =>
    ctx.server.db
      .updateTable('interview_slots')
      .set({ starts_at: new Date(Date.now() + minutes * 60_000), ends_at: new Date(Date.now() + (minutes + 30) * 60_000) })
      .where('id', '=', slotId)
      .execute();

  it('free slots only while the order is in 待视频面审; book → move → cancel, each with a 消息中心 message; the hint shows the booked time', async () => {
    const date = missionDate(3);
    await createSlots(reviewer, { fromDate: date, startTime: '09:00', endTime: '10:30', minutes: 30 });

    const submitted = await submittedOrder(ctx.server, files, 'o_iv_not_yet');
    const early = await submitted.api.get(`/api/applications/${submitted.id}/interview`);
    expect(early.status).toBe(200);
    expect(early.body).toMatchObject({ status: 'submitted', required: false, days: [], booking: null, call: null });
    const refused = await submitted.api.post(`/api/applications/${submitted.id}/interview/booking`, { slotId: '00000000-0000-4000-8000-000000000000' });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toEqual({ code: 'INTERVIEW_NOT_REQUIRED', message: interviewMessages.notRequired });

    const { api, id, orderNo } = await interviewOrder(ctx.server, files, 'o_iv_book');
    const view = await api.get(`/api/applications/${id}/interview`);
    expect(view.body).toMatchObject({
      applicationId: id,
      orderNo,
      status: 'interview',
      required: true,
      mission: { id: 'us-new-york', nameZh: expect.stringContaining('纽约'), timeZone: 'America/New_York', phone: expect.any(String) },
      timeZoneLabel: expect.stringMatching(/^纽约时间（UTC-[45]）$/),
      booking: null,
    });
    const slots = await onDate(api, id, date);
    expect(slots.map((s) => s.local.time)).toEqual(['09:00', '09:30', '10:00']);
    expect(view.body.days.find((d: any) => d.date === date).dateLabel).toBe(slots[0]!.local.dateLabel);
    const before = await api.get(`/api/applications/${id}/timeline`);
    expect(before.body.nextStep).toEqual({ who: 'citizen', todo: 'interview', text: expect.stringContaining('请预约视频面审时间') });

    const booked = await book(api, id, slots[0]!.id);
    expect(booked.booking).toMatchObject({ slotId: slots[0]!.id, status: 'booked', statusLabel: '已预约', canChange: true, note: null, local: { date, time: '09:00' } });
    expect(booked.days.flatMap((d: any) => d.slots).map((s: any) => s.id)).not.toContain(slots[0]!.id);
    // Booking the same slot again: the same answer, nothing new.
    expect((await book(api, id, slots[0]!.id)).booking.id).toBe(booked.booking.id);
    const when = `${slots[0]!.local.dateLabel} 09:00（纽约时间）`;
    const timeline = await api.get(`/api/applications/${id}/timeline`);
    expect(timeline.body.nextStep.text).toBe(`已预约视频面审：${when}，届时请在订单详情中进入面审`);
    const list = await api.get('/api/applications');
    expect(list.body.applications.find((a: any) => a.id === id).nextStep.text).toContain(when);
    expect((await api.get(`/api/applications/${id}`)).body.nextStep.text).toContain(when);
    expect((await reviewer.get(`/api/console/applications/${id}`)).body.nextStep.text).toContain(when);

    // The console schedule shows who booked.
    const schedule = await reviewer.get(`/api/console/interview-slots?from=${date}&to=${date}`);
    expect(schedule.body.days[0].slots[0]).toMatchObject({ status: 'booked', booking: { id: booked.booking.id, applicationId: id, orderNo, applicantName: '李明', status: 'booked' } });

    const moved = await book(api, id, slots[1]!.id);
    expect(moved.booking).toMatchObject({ slotId: slots[1]!.id, local: { time: '09:30' } });
    expect(moved.past).toEqual([expect.objectContaining({ id: booked.booking.id, status: 'cancelled', canChange: false })]);
    expect((await onDate(api, id, date)).map((s) => s.local.time)).toEqual(['09:00', '10:00']);

    const cancelled = await api.post(`/api/applications/${id}/interview/booking/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.booking).toBeNull();
    expect(cancelled.body.past.map((b: any) => b.status)).toEqual(['cancelled', 'cancelled']);
    expect((await api.post(`/api/applications/${id}/interview/booking/cancel`)).body.error.code).toBe('NO_BOOKING');

    const messages = (await api.get('/api/messages')).body.messages.filter((m: any) => m.applicationId === id && m.kind === 'note');
    expect(messages.map((m: any) => m.title)).toEqual(['视频面审预约已取消', '视频面审预约成功', '视频面审预约成功']);
    expect(messages[1].body).toBe(`您已预约视频面审：${slots[1]!.local.dateLabel} 09:30（纽约时间）。届时请打开“中国领事”小程序，在订单详情中进入面审。`);
    // Each booking queued its reminder (30 minutes before), once.
    const reminders = await ctx.server.db.selectFrom('jobs').select(['dedupe_key', 'run_at']).where('kind', '=', 'interview.reminder').execute();
    expect(reminders.map((r) => r.dedupe_key)).toEqual(expect.arrayContaining([`interview.reminder@${booked.booking.id}`, `interview.reminder@${moved.booking.id}`]));
  });

  it('within the lead time the booking can be neither moved nor cancelled (TOO_LATE); slots too soon, cancelled or of another mission are unavailable', async () => {
    const date = missionDate(4);
    await createSlots(reviewer, { fromDate: date, startTime: '09:00', endTime: '11:00', minutes: 30 });
    const { api, id } = await interviewOrder(ctx.server, files, 'o_iv_late');
    const [first, second, third, fourth] = await onDate(api, id, date);
    await book(api, id, first!.id);

    // A slot starting sooner than the lead time is neither listed nor bookable.
    await moveSlotTo(third!.id, BOOKING_LEAD_MINUTES - 5);
    expect((await freeSlots(api, id)).map((s) => s.id)).not.toContain(third!.id);
    const soon = await api.post(`/api/applications/${id}/interview/booking`, { slotId: third!.id });
    expect(soon.status).toBe(409);
    expect(soon.body.error).toEqual({ code: 'SLOT_UNAVAILABLE', message: interviewMessages.slotUnavailable });
    // Cancelled by the mission.
    await reviewer.post(`/api/console/interview-slots/${fourth!.id}/cancel`, {});
    expect((await api.post(`/api/applications/${id}/interview/booking`, { slotId: fourth!.id })).body.error.code).toBe('SLOT_UNAVAILABLE');
    // Another mission's slot.
    await createSlots(chicago, { fromDate: date, startTime: '09:00', endTime: '09:30', minutes: 30 });
    const chicagoSlot = (await chicago.get(`/api/console/interview-slots?from=${date}&to=${date}`)).body.days[0].slots[0];
    expect((await api.post(`/api/applications/${id}/interview/booking`, { slotId: chicagoSlot.id })).body.error.code).toBe('SLOT_UNAVAILABLE');
    expect((await api.post(`/api/applications/${id}/interview/booking`, { slotId: 'not-a-uuid' })).body.error.code).toBe('SLOT_UNAVAILABLE');

    // Now the booked interview itself is about to start.
    await moveSlotTo(first!.id, BOOKING_LEAD_MINUTES - 10);
    const view = await api.get(`/api/applications/${id}/interview`);
    expect(view.body.booking).toMatchObject({ id: expect.any(String), canChange: false });
    const move = await api.post(`/api/applications/${id}/interview/booking`, { slotId: second!.id });
    expect(move.status).toBe(409);
    expect(move.body.error).toEqual({ code: 'TOO_LATE', message: interviewMessages.tooLate });
    expect((await api.post(`/api/applications/${id}/interview/booking/cancel`)).body.error.code).toBe('TOO_LATE');
    expect((await api.get(`/api/applications/${id}/interview`)).body.booking.slotId).toBe(first!.id);
  });

  it("another citizen's order is a 404 on every interview route (and audited)", async () => {
    const date = missionDate(5);
    await createSlots(reviewer, { fromDate: date, startTime: '09:00', endTime: '09:30', minutes: 30 });
    const owner = await interviewOrder(ctx.server, files, 'o_iv_owner');
    const other = await interviewOrder(ctx.server, files, 'o_iv_other');
    const [slot] = await onDate(owner.api, owner.id, date);
    for (const reply of [
      await other.api.get(`/api/applications/${owner.id}/interview`),
      await other.api.post(`/api/applications/${owner.id}/interview/booking`, { slotId: slot!.id }),
      await other.api.post(`/api/applications/${owner.id}/interview/booking/cancel`),
      await other.api.post(`/api/applications/${owner.id}/interview/call-ticket`),
    ]) {
      expect(reply.status).toBe(404);
    }
    const audit = await ctx.server.db.selectFrom('audit_log').select('detail').where('action', '=', 'access.refused').where('subject', '=', owner.id).execute();
    expect(audit.length).toBe(4);
    expect((await ctx.server.app.inject({ method: 'GET', url: `/api/applications/${owner.id}/interview` })).statusCode).toBe(401);
  });

  it('two citizens racing for one slot: exactly one gets it, the other 409 SLOT_TAKEN', async () => {
    const date = missionDate(6);
    await createSlots(reviewer, { fromDate: date, startTime: '15:00', endTime: '15:30', minutes: 30 });
    const a = await interviewOrder(ctx.server, files, 'o_iv_race_a');
    const b = await interviewOrder(ctx.server, files, 'o_iv_race_b');
    const [slot] = await onDate(a.api, a.id, date);
    const replies = await Promise.all([
      a.api.post(`/api/applications/${a.id}/interview/booking`, { slotId: slot!.id }),
      b.api.post(`/api/applications/${b.id}/interview/booking`, { slotId: slot!.id }),
    ]);
    expect(replies.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(replies.find((r) => r.status === 409)!.body.error).toEqual({ code: 'SLOT_TAKEN', message: interviewMessages.slotTaken });
    const rows = await ctx.server.db.selectFrom('interview_bookings').select(['application_id']).where('slot_id', '=', slot!.id).where('status', '=', 'booked').execute();
    expect(rows).toHaveLength(1);
    const loser = replies[0]!.status === 409 ? a : b;
    // Beneath the locks, the partial unique index refuses a second live booking of the slot.
    const loserRow = await ctx.server.db.selectFrom('applications').select(['id', 'user_id']).where('id', '=', loser.id).executeTakeFirstOrThrow();
    await expect(
      ctx.server.db.insertInto('interview_bookings').values({ application_id: loserRow.id, slot_id: slot!.id, user_id: loserRow.user_id, updated_at: new Date() }).execute(),
    ).rejects.toMatchObject({ code: '23505' });
    // Once taken, the slot is not offered to the loser either.
    expect((await freeSlots(loser.api, loser.id)).map((s) => s.id)).not.toContain(slot!.id);

    // And one citizen double-clicking two slots at once ends with exactly one booking.
    await createSlots(reviewer, { fromDate: date, startTime: '16:00', endTime: '17:00', minutes: 30 });
    const [x, y] = await onDate(loser.api, loser.id, date);
    const twice = await Promise.all([
      loser.api.post(`/api/applications/${loser.id}/interview/booking`, { slotId: x!.id }),
      loser.api.post(`/api/applications/${loser.id}/interview/booking`, { slotId: y!.id }),
    ]);
    expect(twice.map((r) => r.status)).toEqual([200, 200]);
    const mine = await ctx.server.db.selectFrom('interview_bookings').select('slot_id').where('application_id', '=', loser.id).where('status', '=', 'booked').execute();
    expect(mine).toHaveLength(1);
  });

  it('the mission cancels a booked slot: the booking is cancelled with the note, the citizen is told and books again', async () => {
    const date = missionDate(7);
    await createSlots(reviewer, { fromDate: date, startTime: '09:00', endTime: '10:00', minutes: 30 });
    const { api, id } = await interviewOrder(ctx.server, files, 'o_iv_mission_cancel');
    const [slot, other] = await onDate(api, id, date);
    await book(api, id, slot!.id);
    const cancelled = await reviewer.post(`/api/console/interview-slots/${slot!.id}/cancel`, { note: '工作人员临时外出' });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', booking: null });
    const view = await api.get(`/api/applications/${id}/interview`);
    expect(view.body.booking).toBeNull();
    expect(view.body.past[0]).toMatchObject({ slotId: slot!.id, status: 'cancelled', note: '工作人员临时外出' });
    const message = (await api.get('/api/messages')).body.messages.find((m: any) => m.title === '使领馆取消了您的面审时段');
    expect(message).toMatchObject({ applicationId: id, kind: 'note', body: `您预约的 ${slot!.local.dateLabel} 09:00（纽约时间） 视频面审已被使领馆取消（工作人员临时外出），请重新预约。` });
    expect((await book(api, id, other!.id)).booking.slotId).toBe(other!.id);
  });

  it('missed: staff mark it, the citizen is told and can book again; another mission cannot mark it', async () => {
    const date = missionDate(8);
    await createSlots(reviewer, { fromDate: date, startTime: '09:00', endTime: '10:00', minutes: 30 });
    const { api, id } = await interviewOrder(ctx.server, files, 'o_iv_missed');
    const [slot, other] = await onDate(api, id, date);
    const booked = await book(api, id, slot!.id);
    const foreign = await chicago.post(`/api/console/interview-bookings/${booked.booking.id}/missed`, {});
    expect(foreign.status).toBe(404);
    const missed = await reviewer.post(`/api/console/interview-bookings/${booked.booking.id}/missed`, { note: '电话未接通' });
    expect(missed.status).toBe(200);
    expect(missed.body).toMatchObject({ booking: null, canStartCall: false, past: [expect.objectContaining({ id: booked.booking.id, status: 'missed', statusLabel: '未参加', note: '电话未接通' })] });
    // Again: the same answer.
    expect((await reviewer.post(`/api/console/interview-bookings/${booked.booking.id}/missed`, {})).status).toBe(200);
    const message = (await api.get('/api/messages')).body.messages.find((m: any) => m.title === '您未参加视频面审');
    expect(message.body).toContain(`您未参加 ${slot!.local.dateLabel} 09:00（纽约时间） 的视频面审，请重新预约。`);
    const again = await book(api, id, other!.id);
    expect(again.booking).toMatchObject({ slotId: other!.id, status: 'booked' });
    // A missed slot is used: not offered again.
    expect((await freeSlots(api, id)).map((s) => s.id)).not.toContain(slot!.id);
  });

  it('the reminder job writes a 消息中心 reminder only if the booking is still booked', async () => {
    const date = missionDate(9);
    await createSlots(reviewer, { fromDate: date, startTime: '09:00', endTime: '10:00', minutes: 30 });
    const { api, id } = await interviewOrder(ctx.server, files, 'o_iv_remind');
    const [slot, other] = await onDate(api, id, date);
    const first = await book(api, id, slot!.id);
    const second = await book(api, id, other!.id);
    await ctx.server.db.updateTable('jobs').set({ run_at: new Date(Date.now() - 1000) }).where('kind', '=', 'interview.reminder').execute();
    await ctx.server.app.jobRunner.runDue();
    const reminders = (await api.get('/api/messages')).body.messages.filter((m: any) => m.title === '视频面审即将开始');
    expect(reminders).toEqual([expect.objectContaining({ applicationId: id, body: expect.stringContaining(`${other!.local.dateLabel} 09:30（纽约时间）`) })]);
    const jobs = await ctx.server.db.selectFrom('jobs').select(['dedupe_key', 'status']).where('kind', '=', 'interview.reminder').execute();
    expect(jobs.find((j) => j.dedupe_key === `interview.reminder@${first.booking.id}`)?.status).toBe('done');
    expect(jobs.find((j) => j.dedupe_key === `interview.reminder@${second.booking.id}`)?.status).toBe('done');
  });
});
