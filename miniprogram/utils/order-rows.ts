/**
 * How an order reads in a list (我的订单, the home page's 需要您处理 card): its status,
 * dates, what happens next and — when it is the citizen's turn — the button for it.
 */
import type { ApplicationSummary } from '../domain/services/application-api-types';
import { fill, t } from '../locale/text';
import { ROUTES } from '../routes';
import { formatDate } from './format';

export type Todo = keyof typeof t.orders.todo;

export interface OrderRow {
  id: string;
  service: string;
  serviceTitle: string;
  status: string;
  statusLabel: string;
  orderNo: string;
  dates: string;
  hint: string;
  /** The citizen must act: highlighted, with the action's button. */
  yourTurn: boolean;
  todo: Todo | '';
  todoLabel: string;
  final: boolean;
  /** The first row of a group carries its section title. */
  section: string;
}

const FINAL = ['completed', 'rejected', 'returned', 'withdrawn', 'expired'];

export function orderRow(a: ApplicationSummary): OrderRow {
  const todo = (a.nextStep?.todo ?? (a.status === 'draft' ? 'continue' : '')) as Todo | '';
  const dates =
    a.status === 'draft'
      ? [fill(t.orders.savedAt, { date: formatDate(a.updatedAt) }), a.expiresAt ? fill(t.orders.keptUntil, { date: formatDate(a.expiresAt) }) : '']
          .filter(Boolean)
          .join(' · ')
      : a.submittedAt
        ? fill(t.orders.submittedAt, { date: formatDate(a.submittedAt) })
        : '';
  return {
    id: a.id,
    service: a.service,
    serviceTitle: a.serviceTitle,
    status: a.status,
    statusLabel: a.statusLabel,
    orderNo: a.orderNo ?? '',
    dates,
    hint: a.nextStep?.text ?? '',
    yourTurn: a.nextStep ? a.nextStep.who === 'citizen' : a.status === 'draft',
    todo,
    todoLabel: todo ? t.orders.todo[todo] : '',
    final: FINAL.includes(a.status),
    section: '',
  };
}

/** Drafts first, then orders (never-submitted drafts that were dropped or expired are of no interest). */
export function orderListRows(all: readonly ApplicationSummary[]): OrderRow[] {
  const drafts = all.filter((a) => a.status === 'draft').map(orderRow);
  const orders = all.filter((a) => a.status !== 'draft' && a.orderNo).map(orderRow);
  if (orders[0]) orders[0].section = t.orders.list;
  if (drafts[0]) drafts[0].section = t.orders.drafts;
  return drafts.concat(orders);
}

/** A draft reopens the form; an order its detail. */
export function openOrderRow(row: OrderRow): void {
  if (row.status === 'draft') wx.navigateTo({ url: `${ROUTES.applyForm}?service=${row.service}&id=${row.id}` });
  else wx.navigateTo({ url: `${ROUTES.orderDetail}?id=${row.id}` });
}

/** The citizen's action: straight to the form, the upload or the pay page; the rest is explained on the detail. */
export function actOnOrderRow(row: OrderRow): void {
  if (row.todo === 'supplement') wx.navigateTo({ url: `${ROUTES.orderSupplements}?id=${row.id}` });
  else if (row.todo === 'pay') wx.navigateTo({ url: `${ROUTES.pay}?id=${row.id}` });
  else openOrderRow(row);
}
