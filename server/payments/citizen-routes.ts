import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { answerOf } from '../../miniprogram/domain/services/conditions';
import type { ApplicationFee } from '../../miniprogram/domain/services/payment-api-types';
import { applicationParams } from '../applications/application-schemas';
import { findOwnedApplication, readAnswers, serviceOf } from '../applications/application-view';
import { citizenId, requireCitizen } from '../citizen-auth/authenticate';
import { ApiError, notFound } from '../http/api-error';
import { errorResponses } from '../http/schemas';
import { serverMessages } from '../messages';
import { ExactCache } from '../cache/exact-cache';
import { MissionDirectory } from '../missions/mission-directory';
import type { MissionFees } from '../../contracts/payments';
import { FEES_TOPIC, FeeNotConfigured, missionFees, quoteApplication } from '../workflow/fees';
import type { PaymentsContext } from './payment-context';
import { findPaymentForApplication, loadPaymentView } from '../workflow/payment-orders';
import { applicationFeeSchema, missionFeesSchema, paymentViewSchema, payResponseSchema } from '../../contracts/payments';
import { startPayment } from './wechat-payments';

/** The mission's fee table (public) and, for the citizen, an order's fee, payment and 去支付. */
export const citizenPaymentRoutes: FastifyPluginAsyncZod<{ ctx: PaymentsContext }> = async (app, { ctx }) => {
  const missions = new MissionDirectory(ctx.db, ctx.caches);
  // Fee tables per mission; the mission_fees trigger (0013) drops a mission's on any change.
  const feeTables = new ExactCache<MissionFees>(ctx.caches, FEES_TOPIC, 500);
  app.get(
    '/api/missions/:id/fees',
    {
      schema: {
        tags: ['payments'],
        summary: "The mission's fees per service and processing option (fen), with what each covers",
        params: z.object({ id: z.string().max(64) }),
        response: { 200: missionFeesSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const mission = await missions.find(request.params.id);
      if (!mission) throw notFound(serverMessages.missionNotFound);
      reply.header('cache-control', 'public, max-age=60');
      return (await feeTables.getOrLoad(mission.id, () => missionFees(ctx.db, mission.id)))!;
    },
  );

  await app.register(async (scope) => {
    const citizen = scope.withTypeProvider<ZodTypeProvider>();
    citizen.addHook('preHandler', requireCitizen(ctx.sessions));

    citizen.get(
      '/api/applications/:id/fee',
      {
        schema: {
          tags: ['payments'],
          summary: 'What this application costs and covers: priced from its answers (draft) or fixed at submission (order)',
          params: applicationParams,
          response: { 200: applicationFeeSchema, ...errorResponses },
        },
      },
      async (request): Promise<ApplicationFee> => {
        const row = await findOwnedApplication(ctx.db, request.params.id, citizenId(request));
        const service = serviceOf(row);
        const answers = readAnswers(ctx.pii, row);
        const method = service.rules.paymentMethodField ? answerOf(answers, service.rules.paymentMethodField) : undefined;
        const common = {
          applicationId: row.id,
          method: method === 'online' || method === 'at_mission' ? method : null,
          refundable: service.rules.refundable,
          refundNote: service.rules.refundable ? null : serverMessages.refundNotAllowed,
        } as const;
        const payment = await findPaymentForApplication(ctx.db, row.id);
        if (payment) {
          return { ...common, method: payment.method, fixed: true, amountFen: payment.amount_fen, currency: payment.currency, option: payment.fee_option, items: payment.items };
        }
        try {
          const priced = await quoteApplication(ctx.db, row.mission_id, service, answers);
          return { ...common, fixed: false, amountFen: priced.amountFen, currency: priced.currency, option: priced.option, items: priced.items };
        } catch (error) {
          if (error instanceof FeeNotConfigured) throw new ApiError(409, 'FEE_NOT_CONFIGURED', serverMessages.feeNotConfigured);
          throw error;
        }
      },
    );

    citizen.post(
      '/api/applications/:id/pay',
      {
        schema: {
          tags: ['payments'],
          summary: 'WeChat Pay: wx.requestPayment parameters for this 待支付 order (the prepay is reused while valid); 409 ALREADY_PAID once paid',
          params: applicationParams,
          response: { 200: payResponseSchema, ...errorResponses },
        },
      },
      async (request) => {
        const row = await findOwnedApplication(ctx.db, request.params.id, citizenId(request));
        return startPayment(ctx, row, request.log);
      },
    );

    citizen.get(
      '/api/applications/:id/payment',
      {
        schema: {
          tags: ['payments'],
          summary: "The order's payment and refunds; poll after wx.requestPayment until state is 'paid' (支付确认中 meanwhile)",
          params: applicationParams,
          response: { 200: paymentViewSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const row = await findOwnedApplication(ctx.db, request.params.id, citizenId(request));
        const view = await loadPaymentView(ctx.db, row);
        if (!view) throw new ApiError(404, 'NO_PAYMENT', serverMessages.paymentNotPayable);
        reply.header('cache-control', 'no-store');
        return view;
      },
    );
  });
};
