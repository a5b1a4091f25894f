import Toast from 'tdesign-miniprogram/toast/index';
import { fetchTimeline } from '../../../api/orders';
import { ApiError } from '../../../api/request';
import { dialable } from '../../../domain/hotline';
import type { Timeline } from '../../../domain/order-api-types';
import { fill } from '../../../locale/text';
import { ROUTES } from '../../../routes';
import { bookSlot, cancelBooking, fetchInterview } from '../api';
import type { CitizenInterview } from '../domain/interview';
import { text } from '../text';
import { interviewView, type DayRow, type InterviewPageView } from '../view';
import { elderModeBehavior } from '../../../behaviors/elder-mode';
import { localizedData } from '../../../locale/localized-page';

type SlotTap = WechatMiniprogram.CustomEvent<WechatMiniprogram.IAnyObject, WechatMiniprogram.IAnyObject, { id: string; date: string }>;

/** The staff's note when they asked for the interview (the latest 要求视频面审), if any. */
function whyOf(timeline: Timeline | null): string {
  const asked = timeline?.entries.filter((e) => e.action === 'require_interview').pop();
  return asked?.note ?? '';
}

const EMPTY: InterviewPageView = {
  orderNo: '',
  required: false,
  heldNotice: '',
  zoneText: '',
  zoneDiffers: false,
  booking: null,
  canChange: false,
  callOpen: false,
  phone: '',
  days: [],
  past: [],
};

/**
 * 预约视频面审: the mission's time zone stated at the top (the citizen may be elsewhere),
 * free slots by day in mission time with the phone's own time beside them when it differs,
 * booking / 改约 / 取消预约 behind a confirm dialog, earlier bookings, and 进入面审 once
 * staff have started the call. Slot taken meanwhile → the list is refreshed and the
 * message stays on the page (and in a toast).
 *   /packages/interview/book/index?id=<application id>
 */
Component({
  behaviors: [elderModeBehavior, localizedData(() => ({ text: { ...text } }), () => text.title)],
  data: {
    id: '',
    loading: true,
    /** Loaded once: later loads refresh in place. */
    ready: false,
    errorMessage: '',
    why: '',
    ...EMPTY,
    /** The day whose slots are shown. */
    openDate: '',
    /** 改约: the slot list is shown for a booked interview. */
    changing: false,
    busy: false,
    notice: '',
    dialog: { visible: false, title: '', content: '', action: '' as '' | 'book' | 'cancel', slotId: '' },
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ id: query.id ?? '' });
      return this.load();
    },
    onShow() {
      // Back from the call page or the phone's settings (or another language): the booking or call may have moved on.
      if (this.data.ready) void this.load();
    },
    async onPullDownRefresh() {
      await this.load();
      wx.stopPullDownRefresh();
    },
    async load() {
      if (!this.data.ready) this.setData({ loading: true, errorMessage: '' });
      try {
        // Why (the staff's note) does not change while the order waits for its interview: asked once.
        const [interview, timeline] = await Promise.all([fetchInterview(this.data.id), this.data.ready ? null : fetchTimeline(this.data.id).catch(() => null)]);
        this.show(interview, this.data.ready ? this.data.why : whyOf(timeline));
      } catch (error) {
        if (this.data.ready) this.setData({ notice: error instanceof ApiError ? error.message : text.loadFailed });
        else this.setData({ loading: false, errorMessage: error instanceof ApiError ? error.message : text.loadFailed });
      }
    },
    show(interview: CitizenInterview, why: string) {
      const view = interviewView(interview);
      // Keep the open day when it still has slots; else the first day with any.
      const openDate = view.days.some((d: DayRow) => d.date === this.data.openDate) ? this.data.openDate : (view.days[0]?.date ?? '');
      this.setData({ ...view, why, loading: false, ready: true, errorMessage: '', openDate, changing: this.data.changing && view.canChange });
    },
    openDay(event: SlotTap) {
      const date = event.currentTarget.dataset.date;
      this.setData({ openDate: this.data.openDate === date ? '' : date });
    },
    startChange() {
      if (this.data.canChange) this.setData({ changing: true, notice: '' });
    },
    stopChange() {
      this.setData({ changing: false });
    },
    chooseSlot(event: SlotTap) {
      if (this.data.busy) return;
      const slotId = event.currentTarget.dataset.id;
      const slot = this.data.days.flatMap((d) => d.slots).find((s) => s.id === slotId);
      if (!slot) return;
      const when = `${slot.when}${slot.phoneTime}`;
      const booking = this.data.booking;
      this.setData({
        notice: '',
        dialog: booking
          ? { visible: true, title: text.changeTitle, content: fill(text.changeContent, { when, old: booking.when }), action: 'book', slotId }
          : { visible: true, title: text.bookTitle, content: fill(text.bookContent, { when }), action: 'book', slotId },
      });
    },
    askCancel() {
      const booking = this.data.booking;
      if (!booking || !this.data.canChange || this.data.busy) return;
      this.setData({ notice: '', dialog: { visible: true, title: text.cancelTitle, content: fill(text.cancelContent, { when: booking.when }), action: 'cancel', slotId: '' } });
    },
    closeDialog() {
      this.setData({ 'dialog.visible': false });
    },
    async confirmDialog() {
      const { action, slotId } = this.data.dialog;
      this.setData({ 'dialog.visible': false });
      if (this.data.busy || !action) return;
      const wasBooked = !!this.data.booking;
      this.setData({ busy: true });
      try {
        // The answer is the interview as it now stands: shown as is, not fetched again.
        const interview = action === 'cancel' ? await cancelBooking(this.data.id) : await bookSlot(this.data.id, slotId);
        this.setData({ changing: false });
        this.show(interview, this.data.why);
        this.toast(action === 'cancel' ? text.cancelled : wasBooked ? text.changed : text.booked, 'success');
      } catch (error) {
        const message = error instanceof ApiError ? error.message : text.loadFailed;
        // Someone else was quicker: the slot is gone from the refreshed list. The message stays on the page.
        const notice = error instanceof ApiError && error.code === 'SLOT_TAKEN' ? text.slotTaken : message;
        this.setData({ notice });
        this.toast(notice, 'error');
        // What the server has now (TOO_LATE, INTERVIEW_NOT_REQUIRED: the page shows why the buttons went).
        await this.load();
      }
      this.setData({ busy: false });
    },
    toast(message: string, theme: 'success' | 'error') {
      Toast({ context: this, selector: '#t-toast', message, theme });
    },
    join() {
      wx.navigateTo({ url: `${ROUTES.interviewCall}?id=${encodeURIComponent(this.data.id)}` });
    },
    callMission() {
      if (this.data.phone) wx.makePhoneCall({ phoneNumber: dialable(this.data.phone) });
    },
  },
});
