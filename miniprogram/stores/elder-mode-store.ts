/**
 * 长辈模式 (elder mode, MIIT 2021 适老化): larger text, higher contrast, bigger touch targets,
 * a simpler home. One switch that every page follows through the page-root class (see
 * behaviors/elder-mode.ts); the design tokens it switches live in app.wxss.
 *
 * Remembered per account and device: the choice is kept in local storage under the
 * account's id (or under "device" before login). With no choice yet, a large WeChat font
 * setting turns it on by itself, and the page says so (autoEnabled) with a way to turn it off.
 */
import { makeAutoObservable } from 'mobx-miniprogram';

const STORAGE_PREFIX = 'elderMode:';
const DEVICE_KEY = 'device';

/** WeChat's font setting (wx.getAppBaseInfo): px of body text, and the scale the citizen chose. */
export interface FontSetting {
  fontSizeSetting?: number;
  fontSizeScaleFactor?: number;
}

/** 17 px is WeChat's standard body size; anything the citizen enlarged beyond that counts as large. */
export function isLargeFont(setting: FontSetting): boolean {
  return (setting.fontSizeSetting ?? 0) > 17 || (setting.fontSizeScaleFactor ?? 1) > 1;
}

function readFontSetting(): FontSetting {
  try {
    // Base library ≥ 2.23.4; older clients simply never turn elder mode on by themselves.
    return typeof wx.getAppBaseInfo === 'function' ? wx.getAppBaseInfo() : {};
  } catch {
    return {};
  }
}

export class ElderModeStore {
  enabled = false;
  /** Turned on because of the font setting, not by the citizen: the switch explains why. */
  autoEnabled = false;
  private account = DEVICE_KEY;

  constructor() {
    makeAutoObservable(this);
  }

  /** The class every page's root view carries ("page-root" or "page-root elder"). */
  get pageClass(): string {
    return this.enabled ? 'page-root elder' : 'page-root';
  }

  /** On launch and on each login/logout: the account's own choice, else the font setting's. */
  restore(accountId: string | null, fontSetting: FontSetting = readFontSetting()): void {
    this.account = accountId ?? DEVICE_KEY;
    const saved = this.read(this.account) ?? (accountId ? this.read(DEVICE_KEY) : undefined);
    if (saved !== undefined) {
      this.enabled = saved;
      this.autoEnabled = false;
    } else {
      this.enabled = isLargeFont(fontSetting);
      this.autoEnabled = this.enabled;
    }
  }

  /** The citizen's own choice: kept for this account on this device. */
  setEnabled(enabled: boolean): void {
    this.enabled = enabled;
    this.autoEnabled = false;
    try {
      wx.setStorageSync(STORAGE_PREFIX + this.account, enabled);
    } catch {
      // Not fatal: the choice holds for this launch.
    }
  }

  toggle(): void {
    this.setEnabled(!this.enabled);
  }

  private read(account: string): boolean | undefined {
    try {
      const value = wx.getStorageSync(STORAGE_PREFIX + account) as boolean | '';
      return typeof value === 'boolean' ? value : undefined;
    } catch {
      return undefined;
    }
  }
}

export const elderModeStore = new ElderModeStore();
