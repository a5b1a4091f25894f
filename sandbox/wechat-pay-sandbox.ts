import type { FastifyInstance } from 'fastify';
import { registerPayControlRoutes } from './wechat-pay/control-routes';
import { createPayCrypto } from './wechat-pay/crypto';
import { createNotifier } from './wechat-pay/notifier';
import { type DeliveryLogEntry, type PaySandboxOptions, PayState, type SandboxTransaction } from './wechat-pay/state';
import { registerWechatPayRoutes } from './wechat-pay/wechat-routes';

export type { DeliveryLogEntry, PaySandboxOptions } from './wechat-pay/state';

/**
 * The WeChat Pay side of the local sandbox (there is no v3 sandbox at WeChat). It speaks
 * api.mch.weixin.qq.com's own endpoints so our real client runs against it unchanged, and
 * does what WeChat does with signatures: it verifies OUR requests' Authorization with our
 * merchant public key (401 SIGN_ERROR otherwise), signs its answers with the platform key
 * (Wechatpay-* headers), and sends AES-256-GCM-encrypted, signed notifications to the order's
 * notify_url.
 *
 *   wechat-pay/crypto.ts          the platform's signatures and encryption, on node:crypto
 *                                 (deliberately not shared with server/wechat/pay)
 *   wechat-pay/state.ts           orders, refunds, the delivery log, queued faults; WeChat's views
 *   wechat-pay/wechat-routes.ts   WeChat's endpoints (/v3/pay/…, /v3/refund/…)
 *   wechat-pay/control-routes.ts  /sandbox/pay/* controls: confirm, refund-complete, faults, logs
 *   wechat-pay/notifier.ts        signed, encrypted notifications to notify_url (copies, delay, tamper)
 */
export interface PaySandbox {
  /** The sandbox's order view (tests may look; not part of WeChat). */
  transaction(outTradeNo: string): Readonly<SandboxTransaction> | undefined;
  deliveries(): readonly DeliveryLogEntry[];
}

/** Adds WeChat Pay's endpoints and the /sandbox/pay/* controls to a Fastify instance (before listen). */
export function registerPaySandbox(app: FastifyInstance, options: PaySandboxOptions): PaySandbox {
  const payCrypto = createPayCrypto(options);
  const state = new PayState();
  const notifier = createNotifier(options, payCrypto, state);
  app.addHook('onClose', async () => state.clearTimers());
  registerWechatPayRoutes(app, options, payCrypto, state, notifier);
  registerPayControlRoutes(app, options, state, notifier);
  return {
    transaction: (outTradeNo) => state.transactions.get(outTradeNo),
    deliveries: () => state.log,
  };
}
