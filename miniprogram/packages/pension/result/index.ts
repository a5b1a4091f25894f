import { fetchPensionCertification } from '../../../api/pension';
import { ApiError } from '../../../api/request';
import type { PensionCertificationView } from '../../../domain/services/pension-api-types';
import { ROUTES } from '../../../routes';
import { formatDateTime } from '../../../utils/format';
import { localizedData } from '../../../locale/localized-page';
import { text } from '../text';
import { elderModeBehavior } from '../../../behaviors/elder-mode';

/**
 * One certification: its status and what happens next, the date the result is promised by,
 * the next deadline once accepted — and when it failed, why, and the paper form at the
 * mission (address, hours, phone). An authority that cannot be reached is said so: the
 * certification is kept queued, nothing to do again.
 */
Component({
  behaviors: [elderModeBehavior, localizedData(() => ({ text: { ...text } }))],
  data: {
    loading: true,
    errorMessage: '',
    id: '',
    view: null as (PensionCertificationView & { submittedText: string }) | null,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ id: query.id ?? '' });
      return this.load();
    },
    async load() {
      this.setData({ loading: true, errorMessage: '' });
      try {
        const view = await fetchPensionCertification(this.data.id);
        this.setData({ loading: false, view: { ...view, submittedText: view.submittedAt ? formatDateTime(view.submittedAt) : '' } });
      } catch (error) {
        this.setData({ loading: false, errorMessage: error instanceof ApiError ? error.message : text.loadFailed });
      }
    },
    callMission() {
      const phone = this.data.view?.paperForm?.phone;
      if (phone) wx.makePhoneCall({ phoneNumber: phone.replace(/[^\d+]/g, '') });
    },
    back() {
      wx.redirectTo({ url: ROUTES.pensionHome });
    },
  },
});
