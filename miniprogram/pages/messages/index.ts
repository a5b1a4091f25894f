import { t } from '../../locale/zh-CN';

/** 消息: status changes and staff requests will land here. */
Component({
  data: {
    text: t.messages,
  },
});
