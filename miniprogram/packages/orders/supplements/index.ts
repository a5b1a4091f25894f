import { fetchSupplements, resubmit, uploadSupplement } from '../../../api/orders';
import { ApiError } from '../../../api/request';
import type { SupplementItem } from '../../../domain/order-api-types';
import { localizedData } from '../../../locale/localized-page';
import { t } from '../text';
import { ROUTES } from '../../../routes';
import { ordersStore } from '../../../stores/orders-store';
import { refreshUnreadBadge } from '../../../utils/unread-badge';
import { pickImage, uploadProblem } from '../media';
import { elderModeBehavior } from '../../../behaviors/elder-mode';

interface ItemView {
  id: string;
  label: string;
  idPhoto: boolean;
  uploaded: boolean;
  ok: boolean;
  errors: string[];
  advice: string[];
  busy: boolean;
  message: string;
}

const itemView = (item: SupplementItem): ItemView => ({
  id: item.id,
  label: item.label,
  idPhoto: item.kind === 'id_photo',
  uploaded: item.uploaded,
  ok: item.ok,
  errors: item.findings.filter((f) => f.severity === 'error').map((f) => f.message),
  advice: item.findings.filter((f) => f.severity === 'advice').map((f) => f.message),
  busy: false,
  message: '',
});

type ItemEvent = WechatMiniprogram.CustomEvent<WechatMiniprogram.IAnyObject, WechatMiniprogram.IAnyObject, { item: string }>;

/**
 * 补充材料: exactly the items the mission asked for (GET …/supplements), each uploaded
 * into the 补充材料 slot, then 重新提交 — back to 待审核 at the order's original place.
 *   /packages/orders/supplements/index?id=<application id>
 */
Component({
  behaviors: [
    elderModeBehavior,
    localizedData(() => ({
      text: t.order.supplements,
      orderText: t.order,
      loadingText: t.loading,
    }), () => t.order.supplements.title),
  ],
  data: {
    id: '',
    loading: true,
    errorMessage: '',
    open: false,
    note: '',
    items: [] as ItemView[],
    submitting: false,
    formError: '',
    /** Every requested item is uploaded and passed: 重新提交 is enabled. */
    ready: false,
  },
  observers: {
    'items.**'() {
      const items = this.data.items;
      const ready = items.length > 0 && items.every((i) => i.uploaded && i.ok && !i.busy);
      if (ready !== this.data.ready) this.setData({ ready });
    },
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ id: query.id ?? '' });
      return this.load();
    },
    async load() {
      this.setData({ loading: true, errorMessage: '' });
      try {
        const slot = await fetchSupplements(this.data.id);
        this.setData({ loading: false, open: slot.open, note: slot.note ?? '', items: slot.items.map(itemView) });
      } catch (error) {
        this.setData({ loading: false, errorMessage: error instanceof ApiError ? error.message : t.order.loadFailed });
      }
    },
    async pick(event: ItemEvent) {
      const index = this.data.items.findIndex((i) => i.id === event.currentTarget.dataset.item);
      const item = this.data.items[index];
      if (!item || item.busy || this.data.submitting) return;
      const at = `items[${index}]`;
      this.setData({ [`${at}.message`]: '', formError: '' });
      let picked: { path: string; size: number } | null;
      try {
        picked = await pickImage(item.idPhoto);
      } catch (error) {
        this.setData({ [`${at}.message`]: (error as Error).message });
        return;
      }
      if (!picked) return;
      const problem = uploadProblem(picked.path, picked.size);
      if (problem) {
        this.setData({ [`${at}.message`]: problem });
        return;
      }
      this.setData({ [`${at}.busy`]: true });
      try {
        const uploaded = await uploadSupplement(this.data.id, item.id, picked.path);
        this.setData({
          [at]: itemView({ id: item.id, label: item.label, kind: item.idPhoto ? 'id_photo' : 'image', uploaded: true, ok: uploaded.ok, findings: uploaded.findings }),
        });
      } catch (error) {
        this.setData({ [`${at}.busy`]: false, [`${at}.message`]: error instanceof ApiError ? error.message : t.serverError });
      }
    },
    async resubmit() {
      if (this.data.submitting) return;
      if (this.data.items.some((i) => !i.uploaded || !i.ok || i.busy)) {
        this.setData({ formError: t.order.supplements.missing });
        return;
      }
      this.setData({ submitting: true, formError: '' });
      try {
        ordersStore.updateOrder(await resubmit(this.data.id));
        this.setData({ submitting: false });
        wx.showToast({ title: t.order.supplements.done, icon: 'success' });
        void refreshUnreadBadge();
        this.back();
      } catch (error) {
        this.setData({ submitting: false, formError: error instanceof ApiError ? error.message : t.serverError });
      }
    },
    /** To the page we came from (the detail or the list reload on show), else to the detail. */
    back() {
      if (getCurrentPages().length > 1) wx.navigateBack({ delta: 1 });
      else wx.redirectTo({ url: `${ROUTES.orderDetail}?id=${this.data.id}` });
    },
  },
});
