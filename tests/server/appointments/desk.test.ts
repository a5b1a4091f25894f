import { appointmentMessages } from '../../../miniprogram/domain/appointments';
import { JobRunner } from '../../../server/jobs/job-queue';
import { APPOINTMENT_REMINDER_JOB, appointmentReminderJob } from '../../../server/appointments/reminder-job';
import { zonedDate } from '../../../server/workflow/slot-times';
import { databaseKinds } from '../../helpers/fresh-database';
import { images, startApplicationsServer } from '../applications/helpers';
import type { TestImages } from '../applications/walk';
import { missionDate, type StaffSession, staffSession } from '../interviews/helpers';
import { submittedOrder } from '../review/helpers';
import { bookAppointment, citizenAppointment, createAppointmentSlots, setAppointmentType } from './helpers';

jest.setTimeout(300_000);

describe.each(databaseKinds)('in-person appointments at the counter: check-in, no-shows, the production gate, the reminder (%s)', (database) => {
  let ctx: Awaited<ReturnType<typeof startApplicationsServer>>;
  let files: TestImages;
  let reviewer: StaffSession;
  let supervisor: StaffSession;
  let chicago: StaffSession;
  let order = 0;

  beforeAll(async () => {
    ctx = await startApplicationsServer(database, { JOB_POLL_MS: '0' });
    files = { idPhoto: await images.idPhoto(), document: await images.document(), signature: await images.signature() };
    reviewer = await staffSession(ctx.server, 'ny.desk.reviewer', 'reviewer');
    supervisor = await staffSession(ctx.server, 'ny.desk.supervisor', 'supervisor');
    chicago = await staffSession(ctx.server, 'chi.desk.reviewer', 'reviewer', 'us-chicago');
    await setAppointmentType(ctx.server, supervisor, 'fingerprints', { capacity: 4 });
    await createAppointmentSlots(reviewer, { kind: 'fingerprints', fromDate: missionDate(5), startTime: '09:00', endTime: '12:00' });
  });
  afterAll(() => ctx.close());

  const db = () => ctx.server.db;
  const titles = async (id: string) => (await db().selectFrom('messages').select('title').where('application_id', '=', id).orderBy('created_at').execute()).map((m) => m.title);
  /** Time control: the booking's slot now starts `minutes` from the real clock. */
  const moveSlotTo = (slotId: string, minutes: number) =>
    db()
      .updateTable('appointment_slots')
      .set({ starts_at: new Date(Date.now() + minutes * 60_000), ends_at: new Date(Date.now() + (minutes + 15) * 60_000) })
      .where('id', '=', slotId)
      .execute();

  /** A submitted order with a fingerprint booking on its own slot (moved to `minutesFromNow` when given). */
  async function bookedOrder(minutesFromNow?: number) {
    const placed = await submittedOrder(ctx.server, files, `o_desk_${++order}`);
    const days = (await citizenAppointment(placed.api, placed.id, 'fingerprints'))!.days;
    const slot = days.flatMap((d) => d.slots)[order]!;
    const reply = await bookAppointment(placed.api, placed.id, 'fingerprints', slot.id);
    if (reply.status !== 200) throw new Error(JSON.stringify(reply.body));
    if (minutesFromNow !== undefined) await moveSlotTo(slot.id, minutesFromNow);
    return { ...placed, slotId: slot.id, booking: reply.body.appointments[0].booking };
  }

  it("check-in by the scanned code, today only, once; search by order number or name; another mission's staff cannot", async () => {
    const today = await bookedOrder(0);
    const later = await bookedOrder();
    const date = zonedDate(new Date(), 'America/New_York');

    const day = await reviewer.get(`/api/console/appointments?date=${date}`);
    expect(day.body).toMatchObject({ date, timeZoneLabel: expect.stringMatching(/^纽约时间/) });
    expect(day.body.appointments.map((a: any) => a.id)).toContain(today.booking.id);
    expect(day.body.appointments.find((a: any) => a.id === today.booking.id)).toMatchObject({ kindLabel: '采集指纹', status: 'booked', orderNo: today.orderNo, applicantName: '李明', checkedInAt: null });
    const found = await reviewer.get(`/api/console/appointments?date=${date}&q=${encodeURIComponent(today.orderNo.slice(-6))}`);
    expect(found.body.appointments.map((a: any) => a.id)).toEqual([today.booking.id]);
    expect((await reviewer.get(`/api/console/appointments?date=2026-13-40`)).status).toBe(400);

    expect((await chicago.post('/api/console/appointments/check-in', { code: today.booking.code })).body.error).toEqual({ code: 'NOT_FOUND', message: appointmentMessages.codeUnknown });
    expect((await reviewer.post('/api/console/appointments/check-in', { code: 'ABCDEFGHJKLM' })).status).toBe(404);
    expect((await reviewer.post('/api/console/appointments/check-in', { code: "'; drop table x" })).status).toBe(404);
    const notToday = await reviewer.post('/api/console/appointments/check-in', { code: later.booking.code });
    expect(notToday.status).toBe(409);
    expect(notToday.body.error).toEqual({ code: 'NOT_TODAY', message: appointmentMessages.notToday });

    // A scanner types the code, in any case.
    const checked = await reviewer.post('/api/console/appointments/check-in', { code: today.booking.code.toLowerCase() });
    expect(checked.status).toBe(200);
    expect(checked.body).toMatchObject({ id: today.booking.id, status: 'checked_in', statusLabel: '已到馆', checkedInAt: expect.any(String) });
    expect((await reviewer.post(`/api/console/appointment-bookings/${today.booking.id}/check-in`)).body.status).toBe('checked_in');
    expect(await titles(today.id)).toContain('已到馆登记');
    expect(await citizenAppointment(today.api, today.id, 'fingerprints')).toMatchObject({ done: true, open: false, booking: null });
    expect((await reviewer.post(`/api/console/appointment-bookings/${today.booking.id}/no-show`)).body.error.code).toBe('BOOKING_NOT_CHANGEABLE');
    const audit = await db().selectFrom('audit_log').select('action').where('subject', '=', today.booking.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['appointment.check_in']);
  });

  it('no-show only once the time has come; the citizen is told and books again', async () => {
    const future = await bookedOrder();
    const early = await reviewer.post(`/api/console/appointment-bookings/${future.booking.id}/no-show`, {});
    expect(early.body.error).toEqual({ code: 'TOO_EARLY', message: appointmentMessages.tooEarly });
    await moveSlotTo(future.slotId, -20);
    const marked = await reviewer.post(`/api/console/appointment-bookings/${future.booking.id}/no-show`, { note: '未到' });
    expect(marked.body).toMatchObject({ status: 'no_show', statusLabel: '未到馆' });
    expect(await titles(future.id)).toContain('到馆预约未到');
    expect((await chicago.post(`/api/console/appointment-bookings/${future.booking.id}/no-show`, {})).status).toBe(404);
    const again = await citizenAppointment(future.api, future.id, 'fingerprints');
    expect(again).toMatchObject({ open: true, done: false, booking: null });
    expect((await bookAppointment(future.api, future.id, 'fingerprints', again!.days[0]!.slots[0]!.id)).status).toBe(200);
  });

  it('production waits for the fingerprints: refused until checked in (or mail accepted); a mission without fingerprints is not held', async () => {
    const approve = async (id: string) => {
      let view = await reviewer.get(`/api/console/applications/${id}`);
      view = await reviewer.post(`/api/console/applications/${id}/actions/approve`, { version: view.body.version });
      return supervisor.post(`/api/console/applications/${id}/actions/approve`, { version: view.body.version });
    };
    const waiting = await bookedOrder(0);
    const approved = await approve(waiting.id);
    expect(approved.body.status).toBe('approved');
    const refused = await reviewer.post(`/api/console/applications/${waiting.id}/actions/start_production`, { version: approved.body.version });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toEqual({ code: 'APPOINTMENT_REQUIRED', message: appointmentMessages.required('采集指纹') });
    expect((await db().selectFrom('applications').select('status').where('id', '=', waiting.id).executeTakeFirstOrThrow()).status).toBe('approved');
    await reviewer.post('/api/console/appointments/check-in', { code: waiting.booking.code });
    const produced = await reviewer.post(`/api/console/applications/${waiting.id}/actions/start_production`, { version: approved.body.version });
    expect(produced.body.status).toBe('in_production');

    const byMail = await submittedOrder(ctx.server, files, 'o_desk_mail');
    await byMail.api.post(`/api/applications/${byMail.id}/appointments/fingerprints/mail-exception`, { reason: '年迈行动不便' });
    const request = (await reviewer.get('/api/console/appointment-mail-requests')).body.requests.find((r: any) => r.applicationId === byMail.id);
    const mailApproved = await approve(byMail.id);
    expect((await reviewer.post(`/api/console/applications/${byMail.id}/actions/start_production`, { version: mailApproved.body.version })).status).toBe(409);
    await reviewer.post(`/api/console/appointment-mail-requests/${request.id}/decision`, { accept: true, note: '请寄送指纹卡' });
    expect((await reviewer.post(`/api/console/applications/${byMail.id}/actions/start_production`, { version: mailApproved.body.version })).body.status).toBe('in_production');

    // Chicago has not turned fingerprints on: nothing to wait for.
    const chicagoSupervisor = await staffSession(ctx.server, 'chi.desk.supervisor', 'supervisor', 'us-chicago');
    const elsewhere = await submittedOrder(ctx.server, files, 'o_desk_chicago', { missionId: 'us-chicago' });
    let view = await chicago.get(`/api/console/applications/${elsewhere.id}`);
    view = await chicago.post(`/api/console/applications/${elsewhere.id}/actions/approve`, { version: view.body.version });
    view = await chicagoSupervisor.post(`/api/console/applications/${elsewhere.id}/actions/approve`, { version: view.body.version });
    expect((await chicago.post(`/api/console/applications/${elsewhere.id}/actions/start_production`, { version: view.body.version })).body.status).toBe('in_production');
  });

  it('the day-before reminder: once, even with two runners at once and a re-run; none for a cancelled booking', async () => {
    const kept = await bookedOrder();
    const dropped = await bookedOrder();
    await dropped.api.post(`/api/applications/${dropped.id}/appointments/fingerprints/booking/cancel`);
    const jobs = await db().selectFrom('jobs').select(['dedupe_key', 'run_at']).where('kind', '=', APPOINTMENT_REMINDER_JOB).where('dedupe_key', 'in', [`${APPOINTMENT_REMINDER_JOB}@${kept.booking.id}`, `${APPOINTMENT_REMINDER_JOB}@${dropped.booking.id}`]).execute();
    expect(jobs).toHaveLength(2);
    // Due a day before the start.
    const kJob = jobs.find((j) => j.dedupe_key?.endsWith(kept.booking.id))!;
    expect(new Date(kJob.run_at).getTime()).toBe(new Date(kept.booking.startsAt).getTime() - 24 * 3_600_000);
    await ctx.server.app.jobRunner.runDue();
    expect(await titles(kept.id)).not.toContain('明日到馆预约提醒');

    // The day before comes (the clock is the job's run_at).
    await db().updateTable('jobs').set({ run_at: new Date(Date.now() - 1000) }).where('kind', '=', APPOINTMENT_REMINDER_JOB).execute();
    const other = new JobRunner(db(), { [APPOINTMENT_REMINDER_JOB]: appointmentReminderJob(db()) }, { pollMs: 0 });
    await Promise.all([ctx.server.app.jobRunner.runDue(), other.runDue()]);
    // A second enqueue of the same job (a retry after a lost answer) does nothing either.
    await db().updateTable('jobs').set({ status: 'pending', run_at: new Date(Date.now() - 1000) }).where('dedupe_key', '=', kJob.dedupe_key).execute();
    await other.runDue();
    expect((await titles(kept.id)).filter((t) => t === '明日到馆预约提醒')).toHaveLength(1);
    expect(await titles(dropped.id)).not.toContain('明日到馆预约提醒');
    const body = await db().selectFrom('messages').select('body').where('application_id', '=', kept.id).where('title', '=', '明日到馆预约提醒').executeTakeFirstOrThrow();
    expect(body.body).toContain(kept.booking.when);
    const wechat = await db().selectFrom('jobs').select('payload').where('kind', '=', 'subscribe_message.status').execute();
    expect(wechat.filter((j) => (j.payload as any).applicationId === kept.id && (j.payload as any).reminder === 'appointment')).toHaveLength(1);
  });
});
