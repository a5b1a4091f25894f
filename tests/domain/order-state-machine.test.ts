import fc from 'fast-check';
import { APPLICATION_STATUSES, type ApplicationStatus, statusInfo } from '../../miniprogram/domain/services/application-status';
import { emergencyTravelService } from '../../miniprogram/domain/services/emergency-travel';
import {
  type ActorKind,
  allowedActions,
  canTransition,
  checkTransition,
  MACHINE_STATUSES,
  missingRequirements,
  nextStepHint,
  ORDER_ACTION_LABELS,
  ORDER_TRANSITIONS,
  type OrderAction,
  type StaffRoleName,
  submissionTransition,
} from '../../miniprogram/domain/services/order-state-machine';
import { passportService } from '../../miniprogram/domain/services/passport';
import { pensionService } from '../../miniprogram/domain/services/pension';

const ACTIONS = Object.keys(ORDER_ACTION_LABELS) as OrderAction[];
const STATUSES = APPLICATION_STATUSES.map((s) => s.id);
const ACTORS: Array<{ kind: ActorKind; role?: StaffRoleName }> = [
  { kind: 'citizen' },
  { kind: 'system' },
  { kind: 'staff', role: 'reviewer' },
  { kind: 'staff', role: 'supervisor' },
  { kind: 'staff', role: 'admin' },
];

/** The expected table, written out by hand: [from, action, actor, minimum role, to]. */
const EXPECTED: Array<[ApplicationStatus, OrderAction, ActorKind, StaffRoleName | null, ApplicationStatus]> = [
  ['draft', 'submit', 'citizen', null, 'awaiting_payment'],
  ['draft', 'submit_pay_at_mission', 'citizen', null, 'submitted'],
  ['awaiting_payment', 'payment_confirmed', 'system', null, 'submitted'],
  ['awaiting_payment', 'mark_paid', 'staff', 'reviewer', 'submitted'],
  ['submitted', 'request_supplements', 'staff', 'reviewer', 'supplement_requested'],
  ['supplement_requested', 'resubmit', 'citizen', null, 'submitted'],
  ['submitted', 'approve', 'staff', 'reviewer', 'second_review'],
  ['second_review', 'approve', 'staff', 'supervisor', 'approved'],
  ['submitted', 'require_interview', 'staff', 'reviewer', 'interview'],
  ['second_review', 'require_interview', 'staff', 'reviewer', 'interview'],
  ['interview', 'interview_passed', 'staff', 'reviewer', 'second_review'],
  ['submitted', 'reject', 'staff', 'supervisor', 'rejected'],
  ['supplement_requested', 'reject', 'staff', 'supervisor', 'rejected'],
  ['second_review', 'reject', 'staff', 'supervisor', 'rejected'],
  ['interview', 'reject', 'staff', 'supervisor', 'rejected'],
  ['approved', 'start_production', 'staff', 'reviewer', 'in_production'],
  ['in_production', 'ready_for_pickup', 'staff', 'reviewer', 'ready_for_pickup'],
  ['in_production', 'mail', 'staff', 'reviewer', 'mailed'],
  ['ready_for_pickup', 'complete', 'staff', 'reviewer', 'completed'],
  ['mailed', 'complete', 'staff', 'reviewer', 'completed'],
  ['mailed', 'confirm_receipt', 'citizen', null, 'completed'],
  ['draft', 'withdraw', 'citizen', null, 'withdrawn'],
  ['awaiting_payment', 'withdraw', 'citizen', null, 'withdrawn'],
  ['submitted', 'withdraw', 'citizen', null, 'withdrawn'],
  ['draft', 'expire', 'system', null, 'expired'],
  ['awaiting_payment', 'payment_expired', 'system', null, 'expired'],
];
const RANK = { reviewer: 1, supervisor: 2, admin: 3 } as const;

function expectedOutcome(from: string, action: OrderAction, actor: { kind: ActorKind; role?: StaffRoleName }) {
  return EXPECTED.find(
    ([f, a, kind, role]) => f === from && a === action && kind === actor.kind && (role === null || (actor.role !== undefined && RANK[actor.role] >= RANK[role])),
  );
}

describe('order state machine: every (status, action, actor) for the passport service', () => {
  const cases = STATUSES.flatMap((from) => ACTIONS.flatMap((action) => ACTORS.map((actor) => [from, action, actor] as const)));
  it.each(cases)('%s --%s--> as %o', (from, action, actor) => {
    const expected = expectedOutcome(from, action, actor);
    const check = checkTransition(from, action, actor.kind, actor.role, passportService);
    if (expected) {
      expect(check).toMatchObject({ ok: true, transition: { to: expected[4] } });
    } else {
      expect(check.ok).toBe(false);
    }
    expect(canTransition(from, action, actor.kind, actor.role, passportService)).toBe(!!expected);
  });
});

describe('order state machine: rules', () => {
  it('a reviewer doing a supervisor action is "forbidden" (403), not "impossible"', () => {
    expect(checkTransition('second_review', 'approve', 'staff', 'reviewer', passportService)).toMatchObject({ ok: false, reason: 'forbidden', message: '该操作需要主管权限' });
    expect(checkTransition('submitted', 'reject', 'staff', 'reviewer', passportService)).toMatchObject({ ok: false, reason: 'forbidden' });
  });

  it('an impossible transition names the status and the action in Chinese', () => {
    expect(checkTransition('draft', 'approve', 'staff', 'admin', passportService)).toEqual({ ok: false, reason: 'impossible', message: '当前状态（待提交）下不能执行“审核通过”' });
  });

  it('never lets an emergency travel certificate be withdrawn once submitted', () => {
    for (const status of STATUSES.filter((s) => s !== 'draft')) {
      expect(canTransition(status, 'withdraw', 'citizen', undefined, emergencyTravelService)).toBe(false);
    }
    expect(checkTransition('submitted', 'withdraw', 'citizen', undefined, emergencyTravelService)).toMatchObject({ message: '应急旅行证申请提交后不可撤回' });
    expect(canTransition('draft', 'withdraw', 'citizen', undefined, emergencyTravelService)).toBe(true);
    // The rule is the definition's data, not its id: any service declaring it is held to it.
    const another = { ...emergencyTravelService, id: 'another_service' };
    expect(checkTransition('submitted', 'withdraw', 'citizen', undefined, another)).toMatchObject({ ok: false, message: '应急旅行证申请提交后不可撤回' });
  });

  it("a service's own workflow replaces the standard one (pension: no review, interview → confirm)", () => {
    expect(canTransition('draft', 'submit', 'citizen', undefined, pensionService)).toBe(false);
    expect(submissionTransition(pensionService, { paysOnline: false, interviewRequired: false })).toMatchObject({ to: 'at_authority', action: 'submit_certification' });
    expect(submissionTransition(pensionService, { paysOnline: false, interviewRequired: true })).toMatchObject({ to: 'interview' });
    expect(submissionTransition(passportService, { paysOnline: true, interviewRequired: true })).toMatchObject({ to: 'awaiting_payment' });
    expect(allowedActions('interview', 'staff', 'reviewer', pensionService).map((a) => [a.action, a.label])).toEqual([
      ['confirm_identity', '面审通过，确认身份'],
      ['refuse_identity', '面审未通过，不予认证'],
    ]);
    // Only the system records the authority's answer.
    expect(canTransition('at_authority', 'authority_accepted', 'staff', 'admin', pensionService)).toBe(false);
    expect(canTransition('at_authority', 'authority_accepted', 'system', undefined, pensionService)).toBe(true);
  });

  it('withdrawal follows the service rules (passport: not once in second review)', () => {
    expect(canTransition('second_review', 'withdraw', 'citizen', undefined, passportService)).toBe(false);
    expect(canTransition('supplement_requested', 'withdraw', 'citizen', undefined, passportService)).toBe(false);
  });

  it('lists allowed actions with labels and requirements', () => {
    const reviewer = allowedActions('submitted', 'staff', 'reviewer', passportService).map((a) => a.action);
    expect(reviewer.sort()).toEqual(['approve', 'request_supplements', 'require_interview']);
    const supervisor = allowedActions('submitted', 'staff', 'supervisor', passportService);
    expect(supervisor.map((a) => a.action).sort()).toEqual(['approve', 'reject', 'request_supplements', 'require_interview']);
    expect(supervisor.find((a) => a.action === 'request_supplements')).toMatchObject({ label: '要求补充材料', toLabel: '待补充材料', requires: ['note', 'items'] });
    expect(allowedActions('submitted', 'citizen', undefined, passportService).map((a) => a.action)).toEqual(['withdraw']);
    expect(allowedActions('completed', 'staff', 'admin', passportService)).toEqual([]);
  });

  it('checks what an action requires', () => {
    const t = ORDER_TRANSITIONS.find((x) => x.action === 'request_supplements')!;
    expect(missingRequirements(t, {})).toEqual({ note: '请填写说明或理由', items: '请选择需要补充的材料' });
    expect(missingRequirements(t, { note: ' 请重拍照片 ', items: ['id_photo'] })).toEqual({});
    expect(missingRequirements(ORDER_TRANSITIONS.find((x) => x.action === 'mail')!, { trackingNo: ' ' })).toEqual({ trackingNo: '请填写快递单号' });
  });

  it('final statuses have no way out, and every status it uses is a known status', () => {
    for (const status of MACHINE_STATUSES) expect(statusInfo(status)).toBeDefined();
    for (const t of ORDER_TRANSITIONS) expect(statusInfo(t.from)?.final).toBe(false);
  });

  it('gives the citizen a next step for every status', () => {
    for (const status of STATUSES) expect(nextStepHint(status).text.length).toBeGreaterThan(0);
    expect(nextStepHint('awaiting_payment').todo).toBe('pay');
    expect(nextStepHint('supplement_requested').todo).toBe('supplement');
    expect(nextStepHint('interview').todo).toBe('interview');
    expect(nextStepHint('approved', { mailOldPassport: true, orderNo: 'USNY-P-250615-0001' })).toMatchObject({
      todo: 'mail_passport',
      text: expect.stringContaining('USNY-P-250615-0001'),
    });
    expect(nextStepHint('approved').todo).toBeNull();
    expect(nextStepHint('ready_for_pickup').todo).toBe('collect');
    expect(nextStepHint('rejected', { refundable: false }).text).not.toContain('退还');
    // Expired: a draft (no order number) vs an order closed unpaid.
    expect(nextStepHint('expired').text).toBe('草稿已过期，请重新填写申请');
    expect(nextStepHint('expired', { orderNo: 'USNY-P-250615-0001' }).text).toBe('订单超时未支付已关闭，如需办理请重新申请');
  });

  it('only the system closes an unpaid order (待支付 → 已过期), and only from 待支付', () => {
    expect(checkTransition('awaiting_payment', 'payment_expired', 'system', undefined, emergencyTravelService)).toMatchObject({ ok: true, transition: { to: 'expired' } });
    expect(canTransition('awaiting_payment', 'payment_expired', 'citizen', undefined, passportService)).toBe(false);
    expect(canTransition('awaiting_payment', 'payment_expired', 'staff', 'admin', passportService)).toBe(false);
    expect(canTransition('submitted', 'payment_expired', 'system', undefined, passportService)).toBe(false);
    expect(canTransition('awaiting_payment', 'expire', 'system', undefined, passportService)).toBe(false);
    expect(ORDER_ACTION_LABELS.payment_expired).toBe('超时未支付');
  });
});

describe('order state machine: random action sequences', () => {
  const step = fc.record({
    action: fc.constantFrom(...ACTIONS),
    actor: fc.constantFrom(...ACTORS),
  });
  const services = fc.constantFrom(passportService, emergencyTravelService);

  it('never reach an unknown state, never leave a final state, and only follow listed transitions', () => {
    fc.assert(
      fc.property(services, fc.array(step, { maxLength: 40 }), (service, steps) => {
        let status: string = 'draft';
        let submitted = false;
        for (const { action, actor } of steps) {
          const check = checkTransition(status, action, actor.kind, actor.role, service);
          if (!check.ok) continue;
          const t = check.transition;
          expect(t.from).toBe(status);
          expect(ORDER_TRANSITIONS).toContain(t);
          expect(statusInfo(status)?.final).toBe(false);
          if (service.id === 'emergency_travel' && action === 'withdraw') expect(submitted).toBe(false);
          if (actor.kind === 'staff' && t.minimumRole === 'supervisor') expect(actor.role).not.toBe('reviewer');
          status = t.to;
          if (status !== 'draft' && status !== 'expired' && status !== 'withdrawn') submitted = true;
          expect(MACHINE_STATUSES).toContain(status);
        }
        // Once final, nothing moves it.
        if (statusInfo(status)?.final) {
          for (const actor of ACTORS) expect(allowedActions(status, actor.kind, actor.role, service)).toEqual([]);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('the status reached is always explained by the path of accepted actions (completed needs approval first)', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        let status: string = 'draft';
        const seen = new Set<string>([status]);
        for (const { action, actor } of steps) {
          const check = checkTransition(status, action, actor.kind, actor.role, passportService);
          if (check.ok) {
            status = check.transition.to;
            seen.add(status);
          }
        }
        if (seen.has('completed') || seen.has('in_production')) expect(seen.has('approved')).toBe(true);
        if (seen.has('approved')) expect(seen.has('second_review')).toBe(true);
        if (seen.has('second_review')) expect(seen.has('submitted')).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
