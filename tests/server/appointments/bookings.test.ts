import { appointmentMessages } from '../../../miniprogram/domain/appointments';
import { databaseKinds } from '../../helpers/fresh-database';
import { images, startApplicationsServer } from '../applications/helpers';
import type { TestImages } from '../applications/walk';
import { missionDate, type StaffSession, staffSession } from '../interviews/helpers';
import { submittedOrder } from '../review/helpers';
import { bookAppointment, citizenAppointment, createAppointmentSlots, setAppointmentType } from './helpers';

jest.setTimeout(300_000);

describe.each(databaseKinds)('in-person appointments, citizen (%s)', (database) => {
  let ctx: Awaited<ReturnType<typeof startApplicationsServer>>;
  let files: TestImages;
  let reviewer: StaffSession;
  let supervisor: StaffSession;

  beforeAll(async () => {
    ctx = await startApplicationsServer(database, { JOB_POLL_MS: '0' });
    files = { idPhoto: await images.idPhoto(), document: await images.document(), signature: await images.signature() };
    reviewer = await staffSession(ctx.server, 'ny.appt.reviewer', 'reviewer');
    supervisor = await staffSession(ctx.server, 'ny.appt.supervisor', 'supervisor');
  });
  afterAll(() => ctx.close());

  const db = () => ctx.server.db;
  /** Time control: the slot now starts `minutes` from the real clock. */
  const moveSlotTo = (slotId: string, minutes: number) =>
    db()
      .updateTable('appointment_slots')
      .set({ starts_at: new Date(Date.now() + minutes * 60_000), ends_at: new Date(Date.now() + (minutes + 15) * 60_000) })
      .where('id', '=', slotId)
      .execute();
  const messages = (id: string) => db().selectFrom('messages').select(['title', 'body']).where('application_id', '=', id).orderBy('created_at').execute();

  it('types: every mission has the three, fingerprints and pickup off until a supervisor turns them on; bad settings are refused', async () => {
    const listed = await reviewer.get('/api/console/appointment-types');
    expect(listed.body.types.map((t: any) => [t.kind, t.kindLabel, t.active, t.capacity])).toEqual([
      ['video_interview', '视频面审', true, 1],
      ['fingerprints', '采集指纹', false, 4],
      ['pickup', '到馆领取证件', false, 6],
    ]);
    const order = await submittedOrder(ctx.server, files, 'o_appt_off');
    expect((await order.api.get(`/api/applications/${order.id}/appointments`)).body.appointments).toEqual([]);
    const refused = await bookAppointment(order.api, order.id, 'fingerprints', '00000000-0000-4000-8000-000000000000');
    expect(refused.status).toBe(409);
    expect(refused.body.error).toEqual({ code: 'APPOINTMENT_NOT_NEEDED', message: appointmentMessages.notNeeded });

    const byReviewer = await ctx.server.app.inject({ method: 'PUT', url: '/api/console/appointment-types/fingerprints', cookies: { cc_staff: reviewer.cookie }, payload: { minutes: 15, capacity: 4, cutoffHours: 24, active: true } });
    expect(byReviewer.statusCode).toBe(403);
    const bad = await ctx.server.app.inject({ method: 'PUT', url: '/api/console/appointment-types/fingerprints', cookies: { cc_staff: supervisor.cookie }, payload: { minutes: 7, capacity: 99, cutoffHours: -1, active: true } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual({ minutes: appointmentMessages.invalidMinutes, capacity: appointmentMessages.invalidCapacity, cutoffHours: appointmentMessages.invalidCutoff });
    const video = await ctx.server.app.inject({ method: 'PUT', url: '/api/console/appointment-types/video_interview', cookies: { cc_staff: supervisor.cookie }, payload: { minutes: 30, capacity: 3, cutoffHours: 1, active: true } });
    expect(video.json().error.fields).toEqual({ capacity: appointmentMessages.invalidCapacity });

    expect(await setAppointmentType(ctx.server, supervisor, 'fingerprints', { capacity: 3, cutoffHours: 24 })).toMatchObject({ kind: 'fingerprints', active: true, capacity: 3, cutoffHours: 24 });
    const now = await citizenAppointment(order.api, order.id, 'fingerprints');
    expect(now).toMatchObject({ kind: 'fingerprints', kindLabel: '采集指纹', open: true, done: false, booking: null, mailExceptionOffered: true, mailException: null });
  });

  it('book → move → cancel: places counted per slot, the mission address, zone and map link, a message each time; the cut-off holds', async () => {
    const date = missionDate(4);
    await setAppointmentType(ctx.server, supervisor, 'fingerprints', { capacity: 3, cutoffHours: 24 });
    expect(await createAppointmentSlots(reviewer, { kind: 'fingerprints', fromDate: date })).toEqual({ created: 4, skipped: 0 });
    // The same request again: nothing new.
    expect(await createAppointmentSlots(reviewer, { kind: 'fingerprints', fromDate: date })).toEqual({ created: 0, skipped: 4 });
    const { api, id } = await submittedOrder(ctx.server, files, 'o_appt_book');
    const view = (await api.get(`/api/applications/${id}/appointments`)).body;
    expect(view.mission).toMatchObject({ id: 'us-new-york', timeZone: 'America/New_York', address: expect.any(String) });
    expect(view.mission.mapUrl).toBe(`https://www.google.com/maps/search/?api=1&query=${encodeURIComponent(view.mission.address)}`);
    expect(view.timeZoneLabel).toMatch(/^纽约时间（UTC-[45]）$/);
    const day = view.appointments[0].days.find((d: any) => d.date === date);
    expect(day.slots.map((s: any) => [s.local.time, s.capacity, s.free])).toEqual([
      ['09:00', 3, 3],
      ['09:15', 3, 3],
      ['09:30', 3, 3],
      ['09:45', 3, 3],
    ]);

    const booked = await bookAppointment(api, id, 'fingerprints', day.slots[0].id);
    expect(booked.status).toBe(200);
    const booking = booked.body.appointments[0].booking;
    expect(booking).toMatchObject({ status: 'booked', statusLabel: '已预约', canChange: true, local: { date, time: '09:00' }, when: `${day.dateLabel} 09:00（纽约时间）` });
    expect(booking.code).toMatch(/^[A-Z2-9]{12}$/);
    expect(booked.body.appointments[0].days.find((d: any) => d.date === date).slots[0].free).toBe(2);
    // The same slot again: the same booking.
    expect((await bookAppointment(api, id, 'fingerprints', day.slots[0].id)).body.appointments[0].booking.id).toBe(booking.id);

    const moved = await bookAppointment(api, id, 'fingerprints', day.slots[1].id);
    const after = moved.body.appointments[0];
    expect(after.booking).toMatchObject({ local: { time: '09:15' } });
    expect(after.booking.code).not.toBe(booking.code);
    expect(after.days.find((d: any) => d.date === date).slots.map((s: any) => s.free)).toEqual([3, 2, 3, 3]);

    const cancelled = await api.post(`/api/applications/${id}/appointments/fingerprints/booking/cancel`);
    expect(cancelled.body.appointments[0].booking).toBeNull();
    expect(cancelled.body.appointments[0].days.find((d: any) => d.date === date).slots.map((s: any) => s.free)).toEqual([3, 3, 3, 3]);
    expect((await api.post(`/api/applications/${id}/appointments/fingerprints/booking/cancel`)).body.error.code).toBe('NO_BOOKING');
    expect((await messages(id)).map((m) => m.title).filter((t) => t.includes('预约'))).toEqual(['到馆预约成功', '到馆预约已改期', '到馆预约已取消']);
    expect((await messages(id)).find((m) => m.title === '到馆预约成功')!.body).toContain(view.mission.address);

    // Bad input: a made-up id, a video-interview kind, another kind that does not apply, another mission's slot.
    expect((await bookAppointment(api, id, 'fingerprints', 'not-a-slot')).body.error).toEqual({ code: 'SLOT_UNAVAILABLE', message: appointmentMessages.slotUnavailable });
    expect((await bookAppointment(api, id, 'video_interview', day.slots[0].id)).body.error.code).toBe('APPOINTMENT_NOT_NEEDED');
    expect((await bookAppointment(api, id, 'pickup', day.slots[0].id)).body.error.code).toBe('APPOINTMENT_NOT_NEEDED');
    const chicagoSupervisor = await staffSession(ctx.server, 'chi.appt.supervisor', 'supervisor', 'us-chicago');
    await setAppointmentType(ctx.server, chicagoSupervisor, 'fingerprints');
    await createAppointmentSlots(chicagoSupervisor, { kind: 'fingerprints', fromDate: date, endTime: '09:15' });
    const chicagoSlot = await db().selectFrom('appointment_slots').select('id').where('mission_id', '=', 'us-chicago').executeTakeFirstOrThrow();
    expect((await bookAppointment(api, id, 'fingerprints', chicagoSlot.id)).body.error.code).toBe('SLOT_UNAVAILABLE');

    // The cut-off: a booking 2 hours ahead with a 24-hour cut-off can be neither moved nor cancelled.
    await bookAppointment(api, id, 'fingerprints', day.slots[2].id);
    await moveSlotTo(day.slots[2].id, 120);
    const late = await citizenAppointment(api, id, 'fingerprints');
    expect(late!.booking!.canChange).toBe(false);
    const tooLate = await bookAppointment(api, id, 'fingerprints', day.slots[3].id);
    expect(tooLate.status).toBe(409);
    expect(tooLate.body.error).toEqual({ code: 'TOO_LATE', message: appointmentMessages.tooLate(24) });
    expect((await api.post(`/api/applications/${id}/appointments/fingerprints/booking/cancel`)).body.error.code).toBe('TOO_LATE');
    expect((await citizenAppointment(api, id, 'fingerprints'))!.booking!.slotId).toBe(day.slots[2].id);
  });

  it('20 citizens booking a 5-place slot at once: exactly 5 get it, the others SLOT_FULL; the slot is never overfilled', async () => {
    const date = missionDate(6);
    await setAppointmentType(ctx.server, supervisor, 'fingerprints', { capacity: 5 });
    await createAppointmentSlots(reviewer, { kind: 'fingerprints', fromDate: date, startTime: '14:00', endTime: '14:15' });
    const orders = [];
    for (let i = 0; i < 20; i++) orders.push(await submittedOrder(ctx.server, files, `o_appt_race_${i}`));
    const slot = (await citizenAppointment(orders[0]!.api, orders[0]!.id, 'fingerprints'))!.days.find((d) => d.date === date)!.slots[0]!;
    expect(slot.free).toBe(5);
    const replies = await Promise.all(orders.map((o) => bookAppointment(o.api, o.id, 'fingerprints', slot.id)));
    expect(replies.filter((r) => r.status === 200)).toHaveLength(5);
    const refused = replies.filter((r) => r.status !== 200);
    expect(refused).toHaveLength(15);
    for (const r of refused) expect(r.body.error).toEqual({ code: 'SLOT_FULL', message: appointmentMessages.slotFull });
    const row = await db().selectFrom('appointment_slots').select(['booked', 'capacity']).where('id', '=', slot.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ booked: 5, capacity: 5 });
    const live = await db().selectFrom('appointment_bookings').select('id').where('slot_id', '=', slot.id).where('status', '=', 'booked').execute();
    expect(live).toHaveLength(5);
    // A full slot is not offered.
    const loser = orders[replies.findIndex((r) => r.status !== 200)]!;
    const later = await citizenAppointment(loser.api, loser.id, 'fingerprints');
    expect(later!.days.flatMap((d) => d.slots).map((s) => s.id)).not.toContain(slot.id);
  });

  it('the mail exception: a reason is required, one open request at a time; refused with a note, asked again, accepted → no appointment needed', async () => {
    await setAppointmentType(ctx.server, supervisor, 'fingerprints', { capacity: 4 });
    const date = missionDate(8);
    await createAppointmentSlots(reviewer, { kind: 'fingerprints', fromDate: date, startTime: '11:00', endTime: '11:15' });
    const { api, id, orderNo } = await submittedOrder(ctx.server, files, 'o_appt_mail');
    const url = `/api/applications/${id}/appointments/fingerprints/mail-exception`;
    const empty = await api.post(url, { reason: '   ' });
    expect(empty.status).toBe(400);
    expect(empty.body.error.fields).toEqual({ reason: appointmentMessages.mailReasonRequired });
    expect((await api.post(url, { reason: '长'.repeat(501) })).body.error.fields).toEqual({ reason: appointmentMessages.mailReasonTooLong });
    expect((await api.post(url, {})).status).toBe(400);

    const asked = await api.post(url, { reason: '本人82岁，行动不便，距使领馆600公里' });
    expect(asked.status).toBe(200);
    expect(asked.body.appointments[0].mailException).toMatchObject({ status: 'pending', statusLabel: '邮寄申请审核中', reason: '本人82岁，行动不便，距使领馆600公里' });
    expect((await api.post(url, { reason: '再次申请' })).body.error).toEqual({ code: 'MAIL_EXCEPTION_EXISTS', message: appointmentMessages.mailExists });

    const pending = await reviewer.get('/api/console/appointment-mail-requests');
    const request = pending.body.requests.find((r: any) => r.applicationId === id);
    expect(request).toMatchObject({ kind: 'fingerprints', kindLabel: '采集指纹', orderNo, applicantName: '李明', status: 'pending' });
    const noNote = await reviewer.post(`/api/console/appointment-mail-requests/${request.id}/decision`, { accept: false });
    expect(noNote.status).toBe(400);
    expect(noNote.body.error.fields).toEqual({ note: appointmentMessages.decisionNoteRequired });
    const refused = await reviewer.post(`/api/console/appointment-mail-requests/${request.id}/decision`, { accept: false, note: '请提供医院证明' });
    expect(refused.body).toMatchObject({ status: 'refused', note: '请提供医院证明' });
    expect((await reviewer.post(`/api/console/appointment-mail-requests/${request.id}/decision`, { accept: true })).body.error.code).toBe('MAIL_EXCEPTION_DECIDED');
    expect((await messages(id)).find((m) => m.title === '未同意邮寄办理')!.body).toContain('请提供医院证明');
    // Another mission's staff: not found.
    const chicago = await staffSession(ctx.server, 'chi.appt.mail', 'reviewer', 'us-chicago');
    expect((await chicago.post(`/api/console/appointment-mail-requests/${request.id}/decision`, { accept: true })).status).toBe(404);

    // Meanwhile the citizen booked; then asks again with a certificate, and is accepted: the place is freed.
    const slot = (await citizenAppointment(api, id, 'fingerprints'))!.days.find((d) => d.date === date)!.slots[0]!;
    await bookAppointment(api, id, 'fingerprints', slot.id);
    await api.post(url, { reason: '已补充医院证明' });
    const again = (await reviewer.get('/api/console/appointment-mail-requests')).body.requests.find((r: any) => r.applicationId === id);
    expect((await reviewer.post(`/api/console/appointment-mail-requests/${again.id}/decision`, { accept: true })).body.status).toBe('accepted');
    const done = await citizenAppointment(api, id, 'fingerprints');
    expect(done).toMatchObject({ done: true, open: false, booking: null, days: [], mailException: { status: 'accepted' } });
    expect((await db().selectFrom('appointment_slots').select('booked').where('id', '=', slot.id).executeTakeFirstOrThrow()).booked).toBe(0);
    expect((await bookAppointment(api, id, 'fingerprints', slot.id)).body.error.code).toBe('ALREADY_DONE');
  });
});
