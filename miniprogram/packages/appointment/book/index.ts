import Toast from 'tdesign-miniprogram/toast/index';
import { ApiError } from '../../../api/request';
import { elderModeBehavior } from '../../../behaviors/elder-mode';
import { dialable } from '../../../domain/hotline';
import { localizedData } from '../../../locale/localized-page';
import { fill } from '../../../locale/text';
import { formatDay } from '../../../utils/format';
import { zonedClock } from '../../../utils/zoned-time';
import { askMailException, bookAppointment, cancelAppointment, fetchAppointments } from '../api';
import type { CitizenAppointment, CitizenAppointments } from '../domain/appointments';
import { qrRows } from '../qr-rows';
import { text } from '../text';

type Tap = WechatMiniprogram.CustomEvent<WechatMiniprogram.IAnyObject, WechatMiniprogram.IAnyObject, { kind: string; id?: string }>;
type Input = WechatMiniprogram.CustomEvent<{ value: string }, WechatMiniprogram.IAnyObject, { kind: string }>;

/** One appointment as the page renders it: only what WXML reads. */
interface AppointmentRow {
  kind: string;
  kindLabel: string;
  state: 'done' | 'booked' | 'choose' | 'closed';
  bookedText: string;
  codeText: string;
  qr: boolean[][];
  canChange: boolean;
  changeHint: string;
  chooseTitle: string;
  days: Array<{ date: string; dateLabel: string; slots: Array<{ id: string; label: string }> }>;
  mailOffered: boolean;
  mailStatus: string;
  mailNote: string;
  canAskMail: boolean;
}

/**
 * 'UTC-5': the mission's offset today from the phone's clock, or — on a runtime without
 * time-zone data — the one at the end of the server's (简体) zone label.
 */
function offsetOf(view: CitizenAppointments): string {
  return zonedClock(view.mission.timeZone)?.offset ?? /UTC[+-][\d:]+/.exec(view.timeZoneLabel)?.[0] ?? '';
}

function rowOf(a: CitizenAppointment, changing: boolean): AppointmentRow {
  const booking = a.booking;
  const mail = a.mailException;
  const state = a.done ? 'done' : booking && !changing ? 'booked' : a.open ? 'choose' : 'closed';
  return {
    kind: a.kind,
    // Worded here from the codes the server sends (its kindLabel, dateLabel and statusLabel are 简体).
    kindLabel: text.kinds[a.kind],
    state,
    bookedText: booking ? fill(text.booked, { when: fill(text.when, { day: formatDay(booking.local.date), time: booking.local.time }) }) : '',
    codeText: booking ? fill(text.code, { code: booking.code }) : '',
    qr: booking && state === 'booked' ? qrRows(booking.code) : [],
    canChange: !!booking?.canChange,
    changeHint: booking ? (booking.canChange ? fill(text.cutoff, { hours: String(a.cutoffHours) }) : text.noChange) : '',
    chooseTitle: fill(text.choose, { minutes: String(a.minutes) }),
    days: a.days.map((d) => ({ date: d.date, dateLabel: formatDay(d.date), slots: d.slots.map((s) => ({ id: s.id, label: fill(text.slot, { time: s.local.time, free: String(s.free) }) })) })),
    mailOffered: a.mailExceptionOffered && !a.done,
    mailStatus: mail ? fill(text.mailStatus, { status: text.mailStatuses[mail.status] }) : '',
    mailNote: mail?.note ? fill(text.mailNote, { note: mail.note }) : '',
    canAskMail: a.mailExceptionOffered && !a.done && (!mail || mail.status === 'refused'),
  };
}

/** The last answer per page instance, kept off `data` (only what renders goes there). */
const lastView = new WeakMap<object, CitizenAppointments>();

/**
 * 到馆预约 (fingerprints, pickup at the counter): the mission's address, zone and a map link;
 * per appointment the booking with its QR code (改约 / 取消预约 until the cut-off), or free
 * slots in mission time with the places left; and the request to do it by two-way mail.
 *   /packages/appointment/book/index?id=<application id>
 */
Component({
  behaviors: [elderModeBehavior, localizedData(() => ({ text: { ...text } }), () => text.title)],
  data: {
    id: '',
    loading: true,
    ready: false,
    errorMessage: '',
    busy: false,
    notice: '',
    orderNo: '',
    missionName: '',
    address: '',
    phone: '',
    mapUrl: '',
    zoneText: '',
    appointments: [] as AppointmentRow[],
    /** Kinds whose slot list is open to move the booking. */
    changing: [] as string[],
    reasons: {} as Record<string, string>,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ id: query.id ?? '' });
      return this.load();
    },
    async load() {
      try {
        this.show(await fetchAppointments(this.data.id));
      } catch (error) {
        this.setData({ loading: false, errorMessage: error instanceof ApiError ? error.message : text.loadFailed });
      }
    },
    show(view: CitizenAppointments, changing: string[] = []) {
      lastView.set(this, view);
      this.setData({
        loading: false,
        ready: true,
        errorMessage: '',
        orderNo: view.orderNo ?? '',
        missionName: view.mission.nameZh,
        address: view.mission.address,
        phone: view.mission.phone,
        mapUrl: view.mission.mapUrl,
        zoneText: fill(text.zone, { offset: offsetOf(view) }),
        changing,
        appointments: view.appointments.map((a) => rowOf(a, changing.includes(a.kind))),
      });
    },
    async run(action: () => Promise<CitizenAppointments>, done: string) {
      if (this.data.busy) return;
      this.setData({ busy: true, notice: '' });
      try {
        this.show(await action());
        Toast({ context: this, selector: '#t-toast', message: done, theme: 'success' });
      } catch (error) {
        const message = error instanceof ApiError ? error.message : text.loadFailed;
        this.setData({ notice: message });
        // Someone took the last place meanwhile: show the slots as they are now.
        await this.load();
        this.setData({ notice: message });
      } finally {
        this.setData({ busy: false });
      }
    },
    chooseSlot(event: Tap) {
      const { kind, id } = event.currentTarget.dataset;
      const moving = !!lastView.get(this)?.appointments.find((a) => a.kind === kind)?.booking;
      return this.run(() => bookAppointment(this.data.id, kind, id!), moving ? text.movedToast : text.bookedToast);
    },
    startChange(event: Tap) {
      const view = lastView.get(this);
      if (view) this.show(view, [...this.data.changing, event.currentTarget.dataset.kind]);
    },
    stopChange(event: Tap) {
      const view = lastView.get(this);
      if (view) this.show(view, this.data.changing.filter((k) => k !== event.currentTarget.dataset.kind));
    },
    cancel(event: Tap) {
      return this.run(() => cancelAppointment(this.data.id, event.currentTarget.dataset.kind), text.cancelledToast);
    },
    onReason(event: Input) {
      this.setData({ [`reasons.${event.currentTarget.dataset.kind}`]: event.detail.value });
    },
    askMail(event: Tap) {
      const kind = event.currentTarget.dataset.kind;
      return this.run(() => askMailException(this.data.id, kind, this.data.reasons[kind] ?? ''), text.mailSent);
    },
    copyMap() {
      wx.setClipboardData({ data: this.data.mapUrl, success: () => Toast({ context: this, selector: '#t-toast', message: text.mapCopied }) });
    },
    callMission() {
      if (this.data.phone) wx.makePhoneCall({ phoneNumber: dialable(this.data.phone) });
    },
  },
});
