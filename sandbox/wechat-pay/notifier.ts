import crypto from 'node:crypto';
import { corrupt, nonceString, type PayCrypto } from './crypto';
import { beijingTime, type DeliveryLogEntry, type PaySandboxOptions, type PayState, type RefundStatus, type SandboxRefund, type Tamper } from './state';

/** How a control asks for a notification to be sent: copies, a delay, a deliberate flaw. */
export interface DeliveryRequest {
  copies?: number;
  delayMs?: number;
  tamper?: Tamper;
}

const TAMPERS: readonly Tamper[] = ['signature', 'ciphertext', 'serial', 'timestamp'];

/** The delivery fields of a control's body; throws with the reason when one is invalid. */
export function deliveryRequest(body: Record<string, unknown>): DeliveryRequest {
  const { copies, delayMs, tamper } = body;
  if (copies !== undefined && !(Number.isInteger(copies) && (copies as number) >= 1 && (copies as number) <= 200)) throw new Error('copies: 1–200');
  if (delayMs !== undefined && !(Number.isInteger(delayMs) && (delayMs as number) >= 0)) throw new Error('delayMs: a whole number ≥ 0');
  if (tamper !== undefined && !TAMPERS.includes(tamper as Tamper)) throw new Error(`tamper: one of ${TAMPERS.join(', ')}`);
  return { copies: copies as number | undefined, delayMs: delayMs as number | undefined, tamper: tamper as Tamper | undefined };
}

export type Notifier = ReturnType<typeof createNotifier>;

/**
 * WeChat's notifications to our notify_url: the resource encrypted with the APIv3 key, the
 * request signed with the platform key, sent as often and as late as the control asks, and
 * every copy and our server's answer written to the delivery log.
 */
export function createNotifier(options: PaySandboxOptions, payCrypto: PayCrypto, state: PayState) {
  function notificationBody(eventType: string, summary: string, originalType: string, resource: unknown, tamper: Tamper | null) {
    const encrypted = payCrypto.encrypt(JSON.stringify(resource), originalType);
    if (tamper === 'ciphertext') {
      const raw = Buffer.from(encrypted.ciphertext, 'base64');
      raw[0] ^= 0x01;
      encrypted.ciphertext = raw.toString('base64');
    }
    return {
      id: crypto.randomUUID(),
      create_time: beijingTime(),
      resource_type: 'encrypt-resource',
      event_type: eventType,
      summary,
      resource: { original_type: originalType, ...encrypted },
    };
  }

  async function deliver(entry: DeliveryLogEntry, body: string) {
    const timestamp = String(Math.floor(Date.now() / 1000) - (entry.tamper === 'timestamp' ? 600 : 0));
    const nonce = nonceString();
    const signature = payCrypto.sign(timestamp, nonce, body);
    entry.sentAt = new Date().toISOString();
    try {
      const response = await fetch(entry.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Mozilla/4.0',
          'wechatpay-timestamp': timestamp,
          'wechatpay-nonce': nonce,
          'wechatpay-signature': entry.tamper === 'signature' ? corrupt(signature) : signature,
          'wechatpay-serial': entry.tamper === 'serial' ? crypto.randomBytes(20).toString('hex').toUpperCase() : payCrypto.serial,
          'wechatpay-signature-type': 'WECHATPAY2-SHA256-RSA2048',
        },
        body,
        signal: AbortSignal.timeout(5000), // WeChat waits 5 s
      });
      entry.status = response.status;
      entry.responseBody = (await response.text()).slice(0, 2000);
    } catch (error) {
      entry.error = (error as Error).message;
    }
  }

  /** Sends `copies` concurrent copies of one notification (after delayMs); resolves when all are answered. */
  async function send(
    url: string | undefined,
    notification: ReturnType<typeof notificationBody>,
    ids: { outTradeNo: string; outRefundNo?: string },
    request: DeliveryRequest,
  ): Promise<DeliveryLogEntry[]> {
    const body = JSON.stringify(notification);
    const copies = Math.min(Math.max(request.copies ?? 1, 1), 200);
    const entries: DeliveryLogEntry[] = Array.from({ length: copies }, (_, copy) => ({
      seq: state.nextSeq(),
      notificationId: notification.id,
      eventType: notification.event_type,
      ...ids,
      url: url ?? '',
      copy: copy + 1,
      tamper: request.tamper ?? null,
      queuedAt: new Date().toISOString(),
      sentAt: null,
      status: null,
      responseBody: null,
      error: url ? null : 'no notify_url',
    }));
    state.log.push(...entries);
    if (!url) return entries;
    const run = () => Promise.all(entries.map((entry) => deliver(entry, body)));
    if (request.delayMs && request.delayMs > 0) {
      state.later(request.delayMs, () => void run());
      return entries;
    }
    await run();
    return entries;
  }

  /** Settles a refund (once: a settled refund keeps its status) and notifies its result. */
  function completeRefund(refund: SandboxRefund, result: Exclude<RefundStatus, 'PROCESSING'>, request: DeliveryRequest) {
    if (refund.status === 'PROCESSING') {
      refund.status = result;
      if (result === 'SUCCESS') {
        refund.successTime = beijingTime();
        const tx = state.transactions.get(refund.outTradeNo);
        if (tx) tx.state = 'REFUND';
      }
    }
    const resource = {
      mchid: options.mchId,
      out_trade_no: refund.outTradeNo,
      transaction_id: refund.transactionId,
      out_refund_no: refund.outRefundNo,
      refund_id: refund.refundId,
      refund_status: refund.status,
      ...(refund.successTime ? { success_time: refund.successTime } : {}),
      user_received_account: '支付用户零钱',
      amount: { total: refund.totalFen, refund: refund.refundFen, payer_total: refund.totalFen, payer_refund: refund.refundFen },
    };
    const summary = { SUCCESS: '退款成功', ABNORMAL: '退款异常', CLOSED: '退款关闭', PROCESSING: '退款处理中' }[refund.status];
    const notification = notificationBody(`REFUND.${refund.status}`, summary, 'refund', resource, request.tamper ?? null);
    return send(refund.notifyUrl, notification, { outTradeNo: refund.outTradeNo, outRefundNo: refund.outRefundNo }, request);
  }

  return { notificationBody, send, completeRefund };
}
