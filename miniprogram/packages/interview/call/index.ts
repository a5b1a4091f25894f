import { ApiError } from '../../../api/request';
import { callPageUrl, requestCallTicket } from '../api';
import { cameraAndMicrophone, openSettings } from '../permissions';
import { text } from '../text';
import { elderModeBehavior } from '../../../behaviors/elder-mode';
import { localizedData } from '../../../locale/localized-page';

type Phase = 'checking' | 'denied' | 'joining' | 'open' | 'failed';

/**
 * 视频面审: camera and microphone first (explained, with the settings page after a
 * refusal), then a one-use ticket from the server and the call page our server serves in
 * a <web-view> (its host is the mini-program's 业务域名). The ticket is spent when the call
 * page joins, so every visit asks for a new one. Before staff start the call the server
 * answers CALL_NOT_OPEN: its message and the way back.
 *   /packages/interview/call/index?id=<application id>
 */
Component({
  behaviors: [elderModeBehavior, localizedData(() => ({ text: { ...text } }), () => text.call.title)],
  data: {
    id: '',
    phase: 'checking' as Phase,
    message: '',
    /** The call not started yet (CALL_NOT_OPEN): no retry, the citizen waits for staff. */
    notOpen: false,
    url: '',
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ id: query.id ?? '' });
      return this.enter();
    },
    async enter() {
      this.setData({ phase: 'checking', message: '', notOpen: false });
      if (!(await cameraAndMicrophone())) return void this.setData({ phase: 'denied' });
      await this.join();
    },
    async join() {
      this.setData({ phase: 'joining' });
      try {
        const ticket = await requestCallTicket(this.data.id);
        this.setData({ phase: 'open', url: callPageUrl(ticket) });
      } catch (error) {
        this.setData({
          phase: 'failed',
          message: error instanceof ApiError ? error.message : text.loadFailed,
          notOpen: error instanceof ApiError && error.code === 'CALL_NOT_OPEN',
        });
      }
    },
    async openSetting() {
      if (await openSettings()) await this.join();
    },
    back() {
      wx.navigateBack({ delta: 1 });
    },
  },
});
