import type { AppDeps } from '../app-deps';
import type { SessionStore } from '../security/session-store';

/** What the payment routes and the reconciliation job share: the app's deps (WeChat Pay client included) and sessions. */
export interface PaymentsContext extends AppDeps {
  sessions: SessionStore;
  staffSessions: SessionStore;
}

/** The parts the reconciliation job needs (no HTTP). */
export type PaymentsJobContext = Pick<AppDeps, 'db' | 'config' | 'wechatPay'>;
