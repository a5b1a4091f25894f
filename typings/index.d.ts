/// <reference types="miniprogram-api-typings" />

/** What App() holds. Shared state lives in stores/, not here. */
interface IAppOption {
  globalData: Record<string, never>;
}

/**
 * wx.onNeedPrivacyAuthorization's listener as documented; miniprogram-api-typings 5.2
 * types it as taking a GeneralCallbackResult instead.
 */
interface PrivacyResolveOption {
  event: 'exposureAuthorization' | 'agree' | 'disagree';
  buttonId?: string;
}
type PrivacyAuthorizationListener = (
  resolve: (option: PrivacyResolveOption) => void,
  eventInfo: { referrer: string },
) => void;
