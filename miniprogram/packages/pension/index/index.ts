import { fetchPensionPersons, recertify } from '../../../api/pension';
import { ApiError } from '../../../api/request';
import type { PensionPerson } from '../../../domain/services/pension-api-types';
import { fill } from '../../../locale/text';
import { ROUTES } from '../../../routes';
import { formatDate } from '../../../utils/format';
import { localizedData } from '../../../locale/localized-page';
import { text } from '../text';
import { elderModeBehavior } from '../../../behaviors/elder-mode';

interface PersonView {
  key: string;
  latestId: string;
  name: string;
  idMasked: string;
  countdown: string;
  urgent: boolean;
  deadline: string;
  latestStatus: string;
  latestHint: string;
  canRecertify: boolean;
  history: Array<{ id: string; title: string; note: string }>;
}

const personView = (p: PensionPerson): PersonView => ({
  key: p.latestApplicationId,
  latestId: p.latestApplicationId,
  name: p.name,
  idMasked: p.idMasked,
  countdown:
    p.daysLeft === null ? '' : p.daysLeft >= 0 ? fill(text.daysLeft, { days: String(p.daysLeft) }) : fill(text.overdue, { days: String(-p.daysLeft) }),
  urgent: p.daysLeft !== null && p.daysLeft <= 30,
  deadline: p.nextDeadline ?? '',
  latestStatus: p.latest.statusLabel,
  latestHint: p.latest.hint,
  canRecertify: p.canRecertify,
  history: p.history.map((h) => ({ id: h.applicationId, title: h.submittedAt ? formatDate(h.submittedAt) : h.orderNo ?? '', note: h.statusLabel })),
});

/** 我的养老金认证: each certified person with the countdown, the latest status, history and one-tap re-certification. */
Component({
  behaviors: [elderModeBehavior, localizedData(() => ({ text: { ...text } }), () => text.title)],
  data: {
    loading: true,
    errorMessage: '',
    persons: [] as PersonView[],
    busyId: '',
  },
  methods: {
    onLoad() {
      return this.load();
    },
    onShow() {
      if (!this.data.loading) void this.load();
    },
    onPullDownRefresh() {
      void this.load().finally(() => wx.stopPullDownRefresh());
    },
    async load() {
      this.setData({ errorMessage: '' });
      try {
        const { persons } = await fetchPensionPersons();
        this.setData({ loading: false, persons: persons.map(personView) });
      } catch (error) {
        this.setData({ loading: false, errorMessage: error instanceof ApiError ? error.message : text.loadFailed });
      }
    },
    start() {
      wx.navigateTo({ url: `${ROUTES.applyForm}?service=pension` });
    },
    openResult(event: WechatMiniprogram.CustomEvent<Record<string, never>, Record<string, never>, { id: string }>) {
      wx.navigateTo({ url: `${ROUTES.pensionResult}?id=${event.currentTarget.dataset.id}` });
    },
    /** One tap: last time's answers in a new draft, opened at the face check. */
    async recertify(event: WechatMiniprogram.CustomEvent<Record<string, never>, Record<string, never>, { id: string }>) {
      const id = event.currentTarget.dataset.id;
      this.setData({ busyId: id, errorMessage: '' });
      try {
        const draft = await recertify(id);
        wx.navigateTo({ url: `${ROUTES.applyForm}?service=${draft.service}&id=${draft.id}` });
      } catch (error) {
        this.setData({ errorMessage: error instanceof ApiError ? error.message : text.loadFailed });
      } finally {
        this.setData({ busyId: '' });
      }
    },
  },
});
