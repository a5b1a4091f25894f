import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { PayResponse } from '../../miniprogram/domain/services/payment-api-types';
import { findApplicationService } from '../../miniprogram/domain/services/service-registry';
import type { Database } from '../db/schema';
import { ApiError } from '../http/api-error';
import { serverMessages } from '../messages';
import { transactionMismatches, type WechatTransaction } from '../wechat/pay/notification';
import { WechatPayApiError, type WechatPayClient, WechatPayError } from '../wechat/pay/pay-client';
import type { PaymentsJobContext } from './payment-context';
import { findPaymentForApplication, listRefunds, type PaymentRow, recordPaymentEvent, toPaymentView } from '../workflow/payment-orders';
import { closeUnpaidPayment, settleWechatPayment } from './settlement';

/**
 * Paying online with WeChat Pay: the prepay (reused while valid), and asking WeChat about
 * an order — only ever settling on a signed, verified answer that matches our order.
 * WeChat's error bodies are not signed, so they never settle anything.
 */

/** A prepay_id is valid for 2 hours; reuse it for a little less. */
const PREPAY_REUSE_MS = 110 * 60_000;
/** WeChat refuses a time_expire less than about a minute away. */
const MIN_TIME_LEFT_MS = 90_000;

export const alreadyPaid = () => new ApiError(409, 'ALREADY_PAID', serverMessages.paymentAlreadyPaid);
const closedError = () => new ApiError(409, 'PAYMENT_CLOSED', serverMessages.paymentClosed);
const notPayable = () => new ApiError(409, 'NOT_PAYABLE', serverMessages.paymentNotPayable);

/** What a transaction must match before it may settle our payment. */
export function mismatchesFor(client: Pick<WechatPayClient, 'mchId' | 'appId'>, payment: PaymentRow, transaction: WechatTransaction): string[] {
  return transactionMismatches(transaction, {
    mchId: client.mchId,
    appId: client.appId,
    outTradeNo: payment.out_trade_no,
    amountFen: payment.amount_fen,
    ...(payment.payer_openid ? { payerOpenid: payment.payer_openid } : {}),
  });
}

/**
 * POST /api/applications/:id/pay: wx.requestPayment's parameters for this order. The
 * order must be 待支付 and its payment pending and online; paying twice is refused here
 * (409) and by WeChat (one out_trade_no, one payment).
 */
export async function startPayment(
  ctx: PaymentsJobContext,
  application: { id: string; service: string; status: string; user_id: string },
  log: FastifyBaseLogger,
): Promise<PayResponse> {
  const payment = await findPaymentForApplication(ctx.db, application.id);
  if (!payment) throw notPayable();
  if (payment.status === 'paid') throw alreadyPaid();
  if (payment.status === 'closed') throw closedError();
  if (payment.status === 'not_required') throw notPayable();
  if (payment.method === 'at_mission') throw new ApiError(409, 'PAY_AT_MISSION', serverMessages.paymentAtMission);
  if (application.status !== 'awaiting_payment') throw notPayable();
  if (payment.currency !== 'CNY') throw new ApiError(409, 'CURRENCY_UNSUPPORTED', serverMessages.paymentCurrencyUnsupported);
  const expiresAt = payment.expires_at ? new Date(payment.expires_at) : null;
  if (expiresAt && expiresAt.getTime() - Date.now() < MIN_TIME_LEFT_MS) throw closedError();

  let prepayId = payment.prepay_id && payment.prepay_at && Date.now() - new Date(payment.prepay_at).getTime() < PREPAY_REUSE_MS ? payment.prepay_id : null;
  if (!prepayId) {
    const user = await ctx.db.selectFrom('users').select('openid').where('id', '=', application.user_id).executeTakeFirstOrThrow();
    const service = findApplicationService(application.service);
    try {
      prepayId = (
        await ctx.wechatPay.jsapiPrepay({
          description: `${service?.title ?? '领事业务'} ${payment.out_trade_no}`,
          outTradeNo: payment.out_trade_no,
          amountFen: payment.amount_fen,
          payerOpenid: user.openid,
          ...(expiresAt ? { timeExpire: expiresAt } : {}),
          // Read per call: the notify URL is config (the test server sets it once it listens).
          notifyUrl: ctx.config.wechatPay.notifyUrl,
        })
      ).prepayId;
    } catch (error) {
      if (error instanceof WechatPayApiError && error.code === 'ORDERPAID') {
        // WeChat says paid (an unsigned error body): ask it properly, settle only on that.
        await checkAtWechat(ctx, payment, log);
        throw alreadyPaid();
      }
      if (error instanceof WechatPayApiError && error.code === 'ORDER_CLOSED') throw closedError();
      log.warn({ err: error, outTradeNo: payment.out_trade_no }, 'WeChat Pay prepay failed');
      throw new ApiError(502, 'PAYMENT_SERVICE_ERROR', serverMessages.paymentServiceBusy);
    }
    const stored = await ctx.db
      .updateTable('payments')
      .set({ prepay_id: prepayId, prepay_at: new Date(), payer_openid: user.openid, updated_at: new Date() })
      .where('id', '=', payment.id)
      .where('status', '=', 'pending')
      .returningAll()
      .executeTakeFirst();
    if (!stored) {
      // Settled or closed while we were asking WeChat.
      const now = await findPaymentForApplication(ctx.db, application.id);
      throw now?.status === 'paid' ? alreadyPaid() : closedError();
    }
    await recordPaymentEvent(ctx.db, payment, 'prepay', 'citizen', { prepayId });
  }
  const fresh = (await findPaymentForApplication(ctx.db, application.id))!;
  return {
    payment: toPaymentView(fresh, await listRefunds(ctx.db, fresh.id), application.service),
    requestPayment: ctx.wechatPay.requestPaymentParams(prepayId),
  };
}

export interface CheckResult {
  /** What WeChat said (trade_state), or the error code when it could not be asked. */
  result: string;
  settled: boolean;
}

async function noteCheck(db: Kysely<Database>, payment: PaymentRow, result: string): Promise<void> {
  await db.updateTable('payments').set({ last_checked_at: new Date(), last_check_result: result.slice(0, 200) }).where('id', '=', payment.id).execute();
}

function errorLabel(error: unknown): string {
  if (error instanceof WechatPayApiError) return `error ${error.status} ${error.code}`;
  if (error instanceof WechatPayError) return `error ${error.constructor.name}: ${error.message}`;
  return `error ${(error as Error).message}`;
}

/**
 * Asks WeChat (GET /v3/pay/transactions/out-trade-no/{no}, a signed answer) about a
 * pending online payment and settles it when WeChat says SUCCESS for exactly our order.
 */
export async function checkAtWechat(ctx: PaymentsJobContext, payment: PaymentRow, log?: FastifyBaseLogger): Promise<CheckResult> {
  let transaction: WechatTransaction;
  try {
    transaction = await ctx.wechatPay.queryByOutTradeNo(payment.out_trade_no);
  } catch (error) {
    const result = errorLabel(error);
    await noteCheck(ctx.db, payment, result);
    log?.warn({ err: error, outTradeNo: payment.out_trade_no }, 'WeChat Pay query failed');
    return { result, settled: false };
  }
  if (transaction.trade_state !== 'SUCCESS') {
    await noteCheck(ctx.db, payment, transaction.trade_state);
    return { result: transaction.trade_state, settled: false };
  }
  const wrong = mismatchesFor(ctx.wechatPay, payment, transaction);
  if (wrong.length > 0) {
    const result = `mismatch: ${wrong.join(', ')}`;
    await noteCheck(ctx.db, payment, result);
    await recordPaymentEvent(ctx.db, payment, 'check_mismatch', 'reconciliation', { mismatches: wrong });
    log?.error({ outTradeNo: payment.out_trade_no, mismatches: wrong }, 'WeChat Pay query does not match our order');
    return { result, settled: false };
  }
  const settled = await settleWechatPayment(ctx.db, payment, transaction, 'reconciliation');
  await noteCheck(ctx.db, payment, `SUCCESS (${settled})`);
  return { result: 'SUCCESS', settled: settled === 'settled' };
}

/**
 * Closes an unpaid online order: at WeChat first when it ever saw it (so it can no longer
 * be paid), then here. WeChat's ORDERPAID means it was paid meanwhile: ask and settle.
 */
export async function closeAtWechat(ctx: PaymentsJobContext, payment: PaymentRow, reason: string, log?: FastifyBaseLogger): Promise<'closed' | 'settled' | 'failed'> {
  if (payment.prepay_id) {
    try {
      await ctx.wechatPay.closeOrder(payment.out_trade_no);
    } catch (error) {
      if (error instanceof WechatPayApiError && error.code === 'ORDERPAID') {
        const check = await checkAtWechat(ctx, payment, log);
        return check.settled ? 'settled' : 'failed';
      }
      // WeChat has no such order, so nobody can pay it: closing ours is safe. (Its time_expire
      // is our expiry too, so WeChat stops taking payment by itself.)
      if (error instanceof WechatPayApiError && error.code === 'ORDER_NOT_EXIST') {
        return (await closeUnpaidPayment(ctx.db, payment, reason)) ? 'closed' : 'failed';
      }
      await noteCheck(ctx.db, payment, `close ${errorLabel(error)}`);
      log?.warn({ err: error, outTradeNo: payment.out_trade_no }, 'WeChat Pay close failed');
      return 'failed';
    }
  }
  return (await closeUnpaidPayment(ctx.db, payment, reason)) ? 'closed' : 'failed';
}
