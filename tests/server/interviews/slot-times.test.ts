import { plannedSlots, startOfDay, timeZoneLabel, wallToInstant, whenLabel, zonedLabel } from '../../../server/workflow/slot-times';

const NY = 'America/New_York';

describe('mission wall clock → instants (pure)', () => {
  it('09:00 in New York is 14:00Z in winter and 13:00Z in summer; 09:00 local either side of both US changes', () => {
    expect(wallToInstant('2026-10-30', 9 * 60, NY)!.toISOString()).toBe('2026-10-30T13:00:00.000Z'); // EDT
    expect(wallToInstant('2026-11-02', 9 * 60, NY)!.toISOString()).toBe('2026-11-02T14:00:00.000Z'); // EST after Nov 1
    expect(wallToInstant('2027-03-05', 9 * 60, NY)!.toISOString()).toBe('2027-03-05T14:00:00.000Z'); // EST
    // The 2027 spring change is on the second Sunday of March: 14 March (not the 8th).
    expect(wallToInstant('2027-03-12', 9 * 60, NY)!.toISOString()).toBe('2027-03-12T14:00:00.000Z'); // EST
    expect(wallToInstant('2027-03-15', 9 * 60, NY)!.toISOString()).toBe('2027-03-15T13:00:00.000Z'); // EDT
  });

  it('a wall time in the spring-forward gap does not exist; an ambiguous one (fall back) is the earlier', () => {
    // 2027-03-14 02:00 → 03:00 in New York (second Sunday of March 2027).
    expect(wallToInstant('2027-03-14', 2 * 60 + 30, NY)).toBeNull();
    expect(wallToInstant('2027-03-14', 3 * 60, NY)!.toISOString()).toBe('2027-03-14T07:00:00.000Z');
    // 2026-11-01 01:30 happens twice: EDT first (05:30Z), then EST (06:30Z).
    expect(wallToInstant('2026-11-01', 90, NY)!.toISOString()).toBe('2026-11-01T05:30:00.000Z');
    // A half-hour zone, and a day boundary where midnight is missing (Santiago springs forward at 00:00).
    expect(wallToInstant('2026-12-07', 9 * 60, 'Asia/Kolkata')!.toISOString()).toBe('2026-12-07T03:30:00.000Z');
    expect(wallToInstant('2026-09-06', 0, 'America/Santiago')).toBeNull();
    expect(startOfDay('2026-09-06', 'America/Santiago').toISOString()).toBe('2026-09-06T04:00:00.000Z');
  });

  it('labels: wall clock, date label, offset, zone label, booked-time label', () => {
    expect(zonedLabel(new Date('2026-12-07T14:00:00Z'), NY)).toEqual({ date: '2026-12-07', time: '09:00', dateLabel: '12月7日 周一', offset: 'UTC-5' });
    expect(zonedLabel(new Date('2026-12-07T03:30:00Z'), 'Asia/Kolkata').offset).toBe('UTC+5:30');
    expect(timeZoneLabel('纽约', NY, new Date('2026-12-01T12:00:00Z'))).toBe('纽约时间（UTC-5）');
    expect(timeZoneLabel('纽约', NY, new Date('2027-06-01T12:00:00Z'))).toBe('纽约时间（UTC-4）');
    expect(whenLabel(new Date('2026-12-07T14:00:00Z'), NY, '纽约')).toBe('12月7日 周一 09:00（纽约时间）');
  });

  it('plans slots on the chosen weekdays, ending by endTime, skipping the gap', () => {
    const week = plannedSlots({ fromDate: '2027-03-08', toDate: '2027-03-14', weekdays: [1, 3], startTime: '09:00', endTime: '10:00', minutes: 20 }, NY);
    expect(week.gaps).toBe(0);
    expect(week.slots.map((s) => s.startsAt.toISOString())).toEqual([
      '2027-03-08T14:00:00.000Z', '2027-03-08T14:20:00.000Z', '2027-03-08T14:40:00.000Z',
      '2027-03-10T14:00:00.000Z', '2027-03-10T14:20:00.000Z', '2027-03-10T14:40:00.000Z',
    ]);
    const night = plannedSlots({ fromDate: '2027-03-14', toDate: '2027-03-14', weekdays: [0], startTime: '01:00', endTime: '04:00', minutes: 30 }, NY);
    // 01:00 01:30 | 02:00 02:30 do not exist | 03:00 03:30
    expect(night.gaps).toBe(2);
    expect(night.slots.map((s) => zonedLabel(s.startsAt, NY).time)).toEqual(['01:00', '01:30', '03:00', '03:30']);
    expect(night.slots.every((s) => s.endsAt.getTime() - s.startsAt.getTime() === 30 * 60_000)).toBe(true);
  });
});
