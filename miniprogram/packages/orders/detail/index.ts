import { confirmReceipt, fetchOrder } from '../../../api/orders';
import { ApiError } from '../../../api/request';
import { dialable } from '../../../domain/hotline';
import type { OrderMission, SupplementSlot, Timeline, TimelineEntry } from '../../../domain/order-api-types';
import type { CitizenInterview } from '../../../domain/interview';
import type { ApplicationDetail } from '../../../domain/services/application-api-types';
import { localizedData } from '../../../locale/localized-page';
import { fill, t } from '../text';
import { ROUTES } from '../../../routes';
import { ordersStore } from '../../../stores/orders-store';
import { formatDateTime } from '../../../utils/format';
import { refreshUnreadBadge } from '../../../utils/unread-badge';
import { formatFen } from '../domain/services/payment-api-types';
import { interviewStep } from '../interview';
import { elderModeBehavior } from '../../../behaviors/elder-mode';

interface EntryView {
  key: string;
  at: string;
  title: string;
  actor: string;
  note: string;
  items: string;
  trackingNo: string;
}

const entryView = (e: TimelineEntry, index: number): EntryView => ({
  key: `${index}`,
  at: formatDateTime(e.at),
  // A status change reads as the status reached; a note as 使领馆留言.
  title: e.action === 'note' || e.from === e.to ? e.actionLabel : `${e.actionLabel} · ${e.toLabel}`,
  actor: t.order.actor[e.actor] ?? '',
  note: e.note ?? '',
  items: e.items?.length ? t.order.requested + e.items.join('、') : '',
  trackingNo: e.trackingNo ?? '',
});

function applicantName(detail: ApplicationDetail): string {
  const a = detail.answers;
  return `${typeof a.surnameZh === 'string' ? a.surnameZh : ''}${typeof a.givenNameZh === 'string' ? a.givenNameZh : ''}`;
}

/** What the next-step card shows beyond the sentence: where to mail, where to collect, what is asked for. */
function nextStepDetails(
  detail: ApplicationDetail,
  timeline: Timeline,
  mission: OrderMission | null,
  slot: SupplementSlot | null,
  interview: CitizenInterview | null,
) {
  const todo = timeline.nextStep.todo ?? '';
  const lines: string[] = [];
  // 待视频面审: book (or look at the booking) and, once staff start the call, join it.
  const video = todo === 'interview' ? interviewStep(interview) : { action: '', lines: [], joinLabel: '' };
  lines.push(...video.lines);
  if (todo === 'supplement' && slot?.open) {
    if (slot.note) lines.push(t.order.staffNote + slot.note);
    lines.push(t.order.requested + slot.items.map((i) => i.label).join('、'));
  }
  if (todo === 'mail_passport') {
    if (mission) lines.push(fill(t.order.mailTo, { address: `${mission.nameZh}，${mission.addressZh}` }));
    lines.push(fill(t.order.mailSlip, { name: applicantName(detail), orderNo: detail.orderNo ?? '' }));
  }
  if (todo === 'collect' && mission) lines.push(fill(t.order.collectAt, { address: mission.addressZh, hours: mission.hoursZh }));
  if (todo === 'receive' && timeline.trackingNo) lines.push(`${t.order.trackingNo}：${timeline.trackingNo}`);
  // In review: the place in the mission's queue and a rough date (约), as of this load.
  if (timeline.queue) lines.push(timeline.queue.text);
  return {
    yourTurn: timeline.nextStep.who === 'citizen',
    todo,
    text: timeline.nextStep.text,
    lines,
    /** The card's button, if it has one. */
    action:
      todo === 'pay' || todo === 'supplement' || todo === 'continue'
        ? t.orders.todo[todo]
        : todo === 'receive'
          ? t.order.confirmReceipt
          : video.action,
    joinLabel: video.joinLabel,
    canCall: !!mission?.phone && (todo === 'interview' || todo === 'collect' || todo === 'mail_passport'),
  };
}

/** Per page instance: what the actions need, not rendered. */
const loaded = new WeakMap<object, { detail: ApplicationDetail; mission: OrderMission | null }>();

/**
 * 订单详情: the order's key facts, what happens next with the citizen's action (upload the
 * requested supplements, confirm receipt, call the mission…), and the full timeline.
 *   /packages/orders/detail/index?id=<application id>
 */
Component({
  behaviors: [
    elderModeBehavior,
    localizedData(() => ({
      text: t.order,
      loadingText: t.loading,
    }), () => t.order.title),
  ],
  data: {
    id: '',
    loading: true,
    errorMessage: '',
    busy: false,
    /** A refresh failed while the order is on screen (network-banner). */
    refreshFailed: false,
    networkMessage: '',
    info: { serviceTitle: '', status: '', statusLabel: '', orderNo: '', submittedAt: '', mission: '', payment: '', trackingNo: '' },
    next: { yourTurn: false, todo: '', text: '', lines: [] as string[], action: '', joinLabel: '', canCall: false },
    entries: [] as EntryView[],
    /** '到馆预约：采集指纹' when the order needs an in-person appointment. */
    appointments: '',
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ id: query.id ?? '' });
      return this.load();
    },
    onShow() {
      // Back from the supplement upload: the status has moved on.
      if (loaded.has(this)) void this.load();
    },
    async onPullDownRefresh() {
      await this.load();
      wx.stopPullDownRefresh();
    },
    async load() {
      const id = this.data.id;
      if (!loaded.has(this)) this.setData({ loading: true, errorMessage: '' });
      try {
        // One round: the server embeds the mission's contact and, when the status asks, the slot or interview.
        const { application: detail, timeline, mission, supplements: slot, interview, appointments } = await fetchOrder(id);
        if (detail.status === 'draft') {
          wx.redirectTo({ url: `${ROUTES.applyForm}?service=${detail.service}&id=${detail.id}` });
          return;
        }
        loaded.set(this, { detail, mission });
        // What this page sees (a status staff moved, a receipt confirmed) every list shows too.
        ordersStore.updateOrder(detail);
        this.setData({
          loading: false,
          refreshFailed: false,
          info: {
            serviceTitle: detail.serviceTitle,
            status: timeline.status,
            statusLabel: timeline.statusLabel,
            orderNo: detail.orderNo ?? '',
            submittedAt: formatDateTime(detail.submittedAt),
            mission: mission?.nameZh ?? '',
            payment: detail.payment ? `${formatFen(detail.payment.amountFen, detail.payment.currency)} · ${detail.payment.stateLabel}` : '',
            trackingNo: timeline.trackingNo ?? '',
          },
          next: nextStepDetails(detail, timeline, mission, slot, interview),
          entries: timeline.entries.map(entryView).reverse(),
          // In-person appointments the order needs (fingerprints, pickup): a cell to 到馆预约.
          appointments: appointments.length ? fill(t.order.appointments, { kinds: appointments.join('、') }) : '',
        });
      } catch (error) {
        const message = error instanceof ApiError ? error.message : t.order.loadFailed;
        // The order already on screen stays; the banner says it may be out of date and offers 重试.
        if (loaded.has(this)) this.setData({ refreshFailed: true, networkMessage: message });
        else this.setData({ loading: false, errorMessage: message });
      }
    },
    copyOrderNo() {
      if (this.data.info.orderNo) wx.setClipboardData({ data: this.data.info.orderNo });
    },
    callMission() {
      const phone = loaded.get(this)?.mission?.phone;
      if (phone) wx.makePhoneCall({ phoneNumber: dialable(phone) });
    },
    openAppointments() {
      wx.navigateTo({ url: `${ROUTES.appointmentBook}?id=${this.data.id}` });
    },
    joinInterview() {
      const state = loaded.get(this);
      if (state) wx.navigateTo({ url: `${ROUTES.interviewCall}?id=${state.detail.id}` });
    },
    async act() {
      const state = loaded.get(this);
      if (!state || this.data.busy) return;
      const { detail } = state;
      switch (this.data.next.todo) {
        case 'supplement':
          wx.navigateTo({ url: `${ROUTES.orderSupplements}?id=${detail.id}` });
          return;
        case 'pay':
          wx.navigateTo({ url: `${ROUTES.pay}?id=${detail.id}` });
          return;
        case 'continue':
          wx.redirectTo({ url: `${ROUTES.applyForm}?service=${detail.service}&id=${detail.id}` });
          return;
        case 'interview':
          wx.navigateTo({ url: `${ROUTES.interviewBook}?id=${detail.id}` });
          return;
        case 'receive':
          this.setData({ busy: true });
          try {
            await confirmReceipt(detail.id);
            wx.showToast({ title: t.order.receiptConfirmed, icon: 'success' });
            void refreshUnreadBadge();
          } catch (error) {
            wx.showToast({ title: error instanceof ApiError ? error.message : t.serverError, icon: 'none' });
          }
          this.setData({ busy: false });
          await this.load();
          return;
        default:
      }
    },
  },
});
