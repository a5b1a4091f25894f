import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { citizenPaymentRoutes } from './citizen-routes';
import { consolePaymentRoutes } from './console-routes';
import { devPaymentRoutes } from './dev-routes';
import { notifyRoutes } from './notify-routes';
import type { PaymentsContext } from './payment-context';
import { REFUND_SEND_JOB } from '../workflow/refund-reservation';
import { refundSendJob } from './refunds';

/**
 * Payments: fees (public + console), 去支付 and the payment state (citizen), WeChat Pay's
 * notifications (raw-body scope), counter payments, refunds and reconciliation (console),
 * and in development the sandbox confirm route. The reconciliation timer is started by
 * server/bootstrap.ts (startReconciliation).
 */
export const paymentRoutes: FastifyPluginAsyncZod<PaymentsContext> = async (app, ctx) => {
  // A rejected (不予受理) refundable order's refund, reserved by the rejection itself
  // (server/workflow/refund-reservation.ts), is sent right after it commits, by this job.
  app.jobRunner.register(REFUND_SEND_JOB, refundSendJob(ctx, app.log));
  await app.register(citizenPaymentRoutes, { ctx });
  await app.register(notifyRoutes, { ctx });
  await app.register(consolePaymentRoutes, { ctx });
  if (ctx.config.wechatPay.mode === 'sandbox' && !ctx.config.isProduction) await app.register(devPaymentRoutes, { ctx });
};
