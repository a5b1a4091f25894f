import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { applicationParams } from '../applications/application-schemas';
import { findOwnedApplication } from '../applications/application-view';
import { citizenId, requireCitizen } from '../citizen-auth/authenticate';
import { ApiError } from '../http/api-error';
import { errorResponses } from '../http/schemas';
import { serverMessages } from '../messages';
import type { PaymentsContext } from './payment-context';
import { findPaymentForApplication, loadPaymentView } from '../workflow/payment-orders';
import { paymentViewSchema } from '../../contracts/payments';

/**
 * Development only — registered when WeChat Pay runs against the local sandbox (no
 * WECHAT_PAY_MCHID) and never in production. WeChat DevTools cannot pay a sandbox
 * prepay_id (wx.requestPayment fails there), so the pay page calls this instead: the
 * sandbox marks the order paid and sends its signed, encrypted notification to our notify
 * URL, exactly as WeChat would; the answer comes after that notification was handled.
 */
export const devPaymentRoutes: FastifyPluginAsyncZod<{ ctx: PaymentsContext }> = async (app, { ctx }) => {
  app.addHook('preHandler', requireCitizen(ctx.sessions));
  app.post(
    '/api/dev/pay/:id/confirm',
    {
      schema: {
        tags: ['development'],
        summary: 'Development (sandbox) only: have the WeChat Pay sandbox confirm this order’s payment and notify us',
        params: applicationParams,
        body: z.object({ result: z.enum(['SUCCESS', 'PAYERROR']).default('SUCCESS') }).default({ result: 'SUCCESS' }),
        response: { 200: paymentViewSchema, ...errorResponses },
      },
    },
    async (request) => {
      const row = await findOwnedApplication(ctx.db, request.params.id, citizenId(request));
      const payment = await findPaymentForApplication(ctx.db, row.id);
      if (!payment?.prepay_id) throw new ApiError(409, 'NO_PREPAY', serverMessages.paymentNoPrepay);
      const response = await fetch(new URL('/sandbox/pay/confirm', ctx.config.wechatPay.apiBase), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ outTradeNo: payment.out_trade_no, result: request.body.result }),
        signal: AbortSignal.timeout(10_000),
      });
      if (!response.ok) {
        request.log.warn({ status: response.status, body: await response.text() }, 'sandbox pay confirm refused');
        throw new ApiError(502, 'PAYMENT_SERVICE_ERROR', serverMessages.paymentServiceBusy);
      }
      return (await loadPaymentView(ctx.db, row))!;
    },
  );
};
