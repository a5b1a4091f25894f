/**
 * WeChat pauses a privacy-sensitive API (photos, phone number, …) until the user agrees to
 * the privacy guide. The app registers one handler at launch; whichever page is showing
 * renders the popup (components/privacy-popup) and answers here. Refusing only fails that
 * one API call — public pages keep working.
 */
export const AGREE_BUTTON_ID = 'agree-privacy-btn';

type Resolve = (option: PrivacyResolveOption) => void;
type Listener = (open: boolean) => void;

let pending: Resolve[] = [];
const listeners = new Set<Listener>();

function notify(open: boolean): void {
  listeners.forEach((listener) => listener(open));
}

export function installPrivacyHandler(): void {
  const on = wx.onNeedPrivacyAuthorization as unknown as ((listener: PrivacyAuthorizationListener) => void) | undefined;
  if (typeof on !== 'function') return; // base library < 2.32.3 shows WeChat's own prompt
  on((resolve) => {
    pending.push(resolve);
    notify(true);
  });
}

/** Popups subscribe while their page is on screen; returns the unsubscribe. */
export function watchPrivacyRequests(listener: Listener): () => void {
  listeners.add(listener);
  if (pending.length) listener(true);
  return () => listeners.delete(listener);
}

/** Tells WeChat the popup is visible (it records exposure for compliance). */
export function reportPrivacyExposure(): void {
  pending.forEach((resolve) => resolve({ event: 'exposureAuthorization' }));
}

export function answerPrivacyRequest(agreed: boolean): void {
  const waiting = pending;
  pending = [];
  waiting.forEach((resolve) => resolve(agreed ? { event: 'agree', buttonId: AGREE_BUTTON_ID } : { event: 'disagree' }));
  notify(false);
}
