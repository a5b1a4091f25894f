import type { Mission } from '../../domain/api-types';
import { dialable } from '../../domain/hotline';
import { localizedData } from '../../locale/localized-page';
import { t } from '../../locale/text';
import { zonedClock } from '../../utils/zoned-time';

/** The citizen's mission: where it is, how to reach it, and what time it is there now. */
Component({
  properties: {
    mission: { type: Object, value: null as Mission | null },
  },
  behaviors: [localizedData(() => ({ text: t.home }))],
  data: {
    kindLabel: '',
    clock: '',
  },
  observers: {
    mission(mission: Mission | null) {
      this.setData({ kindLabel: mission ? t.home.kind[mission.kind] : '' });
      this.tick();
    },
  },
  lifetimes: {
    attached() {
      this.startClock();
    },
    detached() {
      this.stopClock();
    },
  },
  pageLifetimes: {
    show() {
      this.startClock();
    },
    hide() {
      this.stopClock();
    },
  },
  methods: {
    // Minute resolution is enough and keeps setData rare.
    startClock() {
      this.stopClock();
      this.tick();
      timers.set(this, setInterval(() => this.tick(), 30_000) as unknown as number);
    },
    stopClock() {
      const timer = timers.get(this);
      if (timer !== undefined) clearInterval(timer);
      timers.delete(this);
    },
    tick() {
      const mission = this.data.mission as Mission | null;
      if (!mission) return;
      const clock = zonedClock(mission.timezone);
      const text = clock ? `${clock.date} ${clock.time}（${clock.offset}）` : t.home.localTimeUnavailable;
      if (text !== this.data.clock) this.setData({ clock: text });
    },
    callMission() {
      const mission = this.data.mission as Mission | null;
      if (mission) wx.makePhoneCall({ phoneNumber: dialable(mission.phone) });
    },
  },
});

const timers = new WeakMap<object, number>();
