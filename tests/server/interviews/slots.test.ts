import { interviewMessages, SLOT_BATCH_MAX_DAYS } from '../../../miniprogram/domain/interview';
import { sqlOnlyKinds } from '../../helpers/fresh-database';
import { startApplicationsServer } from '../applications/helpers';
import { type StaffClient, signedInStaff } from '../review/helpers';
import { createSlots, missionDate } from './helpers';

jest.setTimeout(120_000);

describe.each(sqlOnlyKinds)('interview slots, console (%s)', (database) => {
  let ctx: Awaited<ReturnType<typeof startApplicationsServer>>;
  let reviewer: StaffClient;
  let chicago: StaffClient;

  beforeAll(async () => {
    ctx = await startApplicationsServer(database, { JOB_POLL_MS: '0' });
    reviewer = await signedInStaff(ctx.server, 'ny.slots', 'reviewer');
    chicago = await signedInStaff(ctx.server, 'chi.slots', 'reviewer', 'us-chicago');
  });
  afterAll(() => ctx.close());

  const slotsOn = async (client: StaffClient, from: string, to = from) => {
    const response = await client.get(`/api/console/interview-slots?from=${from}&to=${to}`);
    expect(response.status).toBe(200);
    return response.body;
  };

  it('09:00 at the mission stays 09:00 local across the March 2027 DST change; the instant moves by an hour', async () => {
    // New York springs forward on Sunday 14 March 2027.
    const result = await createSlots(reviewer, { fromDate: '2027-03-10', toDate: '2027-03-17', weekdays: [1, 2, 3, 4, 5], startTime: '09:00', endTime: '10:00', minutes: 30 });
    expect(result).toEqual({ created: 12, skipped: 0 }); // 6 weekdays × 2
    const schedule = await slotsOn(reviewer, '2027-03-10', '2027-03-17');
    expect(schedule).toMatchObject({ timeZone: 'America/New_York', timeZoneLabel: expect.stringMatching(/^纽约时间（UTC-[45]）$/) });
    expect(schedule.days).toHaveLength(8);
    expect(schedule.days.find((d: any) => d.date === '2027-03-14')).toEqual({ date: '2027-03-14', dateLabel: '3月14日 周日', slots: [] });
    const first = (date: string) => schedule.days.find((d: any) => d.date === date).slots[0];
    expect(first('2027-03-12')).toMatchObject({ startsAt: '2027-03-12T14:00:00.000Z', endsAt: '2027-03-12T14:30:00.000Z', minutes: 30, status: 'open', booking: null, local: { date: '2027-03-12', time: '09:00', dateLabel: '3月12日 周五', offset: 'UTC-5' } });
    expect(first('2027-03-15')).toMatchObject({ startsAt: '2027-03-15T13:00:00.000Z', local: { time: '09:00', offset: 'UTC-4' } });
    expect(schedule.days.flatMap((d: any) => d.slots).map((s: any) => s.local.time)).toEqual(Array(6).fill(['09:00', '09:30']).flat());
  });

  it('a wall time in the spring-forward gap is skipped; running the same request again creates nothing', async () => {
    const request = { fromDate: '2027-03-14', toDate: '2027-03-14', weekdays: [0], startTime: '01:00', endTime: '04:00', minutes: 60 as const };
    expect(await createSlots(reviewer, request)).toEqual({ created: 2, skipped: 1 }); // 01:00, 03:00; 02:00 does not exist
    expect(await createSlots(reviewer, request)).toEqual({ created: 0, skipped: 3 });
    const times = (await slotsOn(reviewer, '2027-03-14')).days[0].slots.map((s: any) => s.local.time);
    expect(times).toEqual(['01:00', '03:00']);
    // And the week above once more: everything already there.
    expect(await createSlots(reviewer, { fromDate: '2027-03-10', toDate: '2027-03-17', weekdays: [1, 2, 3, 4, 5], startTime: '09:00', endTime: '10:00', minutes: 30 })).toEqual({ created: 0, skipped: 12 });
  });

  it('slots in the past are skipped; a cancelled slot can be opened again', async () => {
    const yesterday = missionDate(-1);
    const past = await createSlots(reviewer, { fromDate: yesterday, toDate: yesterday, startTime: '00:00', endTime: '02:00', minutes: 60 });
    expect(past).toEqual({ created: 0, skipped: 2 });
    const later = missionDate(5);
    expect((await createSlots(reviewer, { fromDate: later, startTime: '14:00', endTime: '15:00', minutes: 60 })).created).toBe(1);
    const slot = (await slotsOn(reviewer, later)).days[0].slots[0];
    const cancelled = await reviewer.post(`/api/console/interview-slots/${slot.id}/cancel`, { note: '馆内活动' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ id: slot.id, status: 'cancelled', booking: null });
    // Cancelling again: the same answer.
    expect((await reviewer.post(`/api/console/interview-slots/${slot.id}/cancel`, {})).body.status).toBe('cancelled');
    expect(await createSlots(reviewer, { fromDate: later, startTime: '14:00', endTime: '15:00', minutes: 60 })).toEqual({ created: 1, skipped: 0 });
    const statuses = (await slotsOn(reviewer, later)).days[0].slots.map((s: any) => s.status).sort();
    expect(statuses).toEqual(['cancelled', 'open']);
  });

  it('bad ranges, times, weekdays and lengths are 400 with field messages', async () => {
    const from = missionDate(3);
    const post = (body: Record<string, unknown>) =>
      reviewer.post('/api/console/interview-slots', { fromDate: from, toDate: from, weekdays: [1], startTime: '09:00', endTime: '12:00', minutes: 30, ...body });
    const tooLong = await post({ toDate: missionDate(3 + SLOT_BATCH_MAX_DAYS) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error).toMatchObject({ code: 'VALIDATION_FAILED', fields: { toDate: interviewMessages.slotsInvalidRange } });
    expect((await post({ toDate: missionDate(2 + SLOT_BATCH_MAX_DAYS) })).status).toBe(200); // exactly SLOT_BATCH_MAX_DAYS days
    expect((await post({ toDate: missionDate(2) })).body.error.fields).toEqual({ toDate: interviewMessages.slotsInvalidRange });
    expect((await post({ fromDate: '2027-02-30' })).body.error.fields).toEqual({ fromDate: interviewMessages.slotsInvalidRange });
    expect((await post({ startTime: '12:00', endTime: '09:00' })).body.error.fields).toEqual({ endTime: interviewMessages.slotsInvalidTimes });
    expect((await post({ startTime: '09:00', endTime: '09:20' })).body.error.fields).toEqual({ endTime: interviewMessages.slotsInvalidTimes });
    expect((await post({ startTime: '9am' })).body.error.fields).toEqual({ startTime: interviewMessages.slotsInvalidTimes });
    expect((await post({ weekdays: [] })).body.error.fields).toEqual({ weekdays: interviewMessages.slotsNoWeekday });
    expect((await post({ weekdays: [7] })).body.error.fields).toEqual({ weekdays: interviewMessages.slotsNoWeekday });
    expect((await post({ minutes: 25 })).body.error.fields).toEqual({ minutes: interviewMessages.slotsInvalidMinutes });
    const badQuery = await reviewer.get(`/api/console/interview-slots?from=${from}&to=${missionDate(3 + SLOT_BATCH_MAX_DAYS)}`);
    expect(badQuery.status).toBe(400);
    expect(badQuery.body.error.fields).toEqual({ to: interviewMessages.slotsInvalidRange });
  });

  it("another mission's staff neither see nor cancel our slots (404, audited); creating slots is audited", async () => {
    const date = missionDate(6);
    await createSlots(reviewer, { fromDate: date, startTime: '10:00', endTime: '11:00', minutes: 60 });
    const ours = (await slotsOn(reviewer, date)).days[0].slots[0];
    const theirs = await slotsOn(chicago, date);
    expect(theirs.timeZone).toBe('America/Chicago');
    expect(theirs.days[0].slots).toEqual([]);
    const refused = await chicago.post(`/api/console/interview-slots/${ours.id}/cancel`, { note: 'x' });
    expect(refused.status).toBe(404);
    expect(refused.body.error.message).toBe(interviewMessages.slotNotFound);
    expect((await slotsOn(reviewer, date)).days[0].slots[0].status).toBe('open');
    const audit = await ctx.server.db.selectFrom('audit_log').selectAll().where('action', '=', 'access.refused').where('subject', '=', ours.id).execute();
    expect(audit).toEqual([expect.objectContaining({ actor_kind: 'staff', mission_id: 'us-chicago', detail: expect.objectContaining({ status: 404, route: '/api/console/interview-slots/:id/cancel' }) })]);
    const created = await ctx.server.db.selectFrom('audit_log').select('detail').where('action', '=', 'interview.slots.create').where('mission_id', '=', 'us-new-york').execute();
    expect(created.length).toBeGreaterThan(0);
    // No staff cookie at all: 401.
    expect((await ctx.server.app.inject({ method: 'GET', url: `/api/console/interview-slots?from=${date}&to=${date}` })).statusCode).toBe(401);
  });

  it('the interview routes are in the API description', async () => {
    const doc = (await ctx.server.app.inject({ method: 'GET', url: '/docs/openapi.json' })).json() as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/console/interview-slots',
        '/api/console/interview-slots/{id}/cancel',
        '/api/console/applications/{id}/interview',
        '/api/console/applications/{id}/interview/calls',
        '/api/console/interview-calls/{callId}/end',
        '/api/console/interview-bookings/{bookingId}/missed',
        '/api/console/applications/{id}/interview/screenshots',
        '/api/applications/{id}/interview',
        '/api/applications/{id}/interview/booking',
        '/api/applications/{id}/interview/call-ticket',
        '/api/interview-calls/join',
        '/api/interview-calls/{callId}/signals',
      ]),
    );
  });
});
