/**
 * The citizen's orders and unread count, shared by every page that shows them: 我的订单,
 * the home page's 需要您处理 card, 消息's badge, and the pages that change an order (the pay
 * result, the order detail, supplements, the form's submission) — one of those reporting the
 * order it now sees updates every bound page at once, without a reload.
 *
 * Promise chains rather than async methods: the store is in the main package.
 */
import { computed, makeAutoObservable, runInAction } from 'mobx-miniprogram';
import { listApplications } from '../api/applications';
import { currentLocale, type Locale } from '../locale/language';
import type { ApplicationSummary } from '../domain/services/application-api-types';
import { orderListRows, type OrderRow } from '../utils/order-rows';

/** The home card shows this many orders awaiting the citizen; 我的订单 has the rest. */
const TODO_CARD_LIMIT = 3;

/** A detail carries answers and documents; the list keeps only the summary's fields. */
function summaryOf(a: ApplicationSummary): ApplicationSummary {
  const { id, service, serviceTitle, missionId, status, statusLabel, orderNo, currentStep, createdAt, updatedAt, expiresAt, submittedAt, nextStep } = a;
  return { id, service, serviceTitle, missionId, status, statusLabel, orderNo, currentStep, createdAt, updatedAt, expiresAt, submittedAt, nextStep };
}

export class OrdersStore {
  applications: ApplicationSummary[] = [];
  /** The list has come from the server at least once (this launch, this account). */
  loaded = false;
  unread = 0;
  /** The language the rows were written in: the rows read it, so relocalize() rewrites them. */
  locale: Locale = currentLocale();
  private inFlight: Promise<void> | null = null;

  constructor() {
    // Structural: a refresh that finds nothing new sends nothing to the bound pages.
    makeAutoObservable<OrdersStore, 'inFlight'>(this, { orderRows: computed.struct, todoRows: computed.struct, inFlight: false });
  }

  /** 我的订单: drafts, then orders. */
  get orderRows(): OrderRow[] {
    // Reads `locale` (always set) so that relocalize() rewrites the rows: their words come from `t`.
    return this.locale ? orderListRows(this.applications) : [];
  }

  /** 需要您处理 on the home page: submitted orders waiting for the citizen, then drafts to finish. */
  get todoRows(): OrderRow[] {
    const rows = this.orderRows.filter((row) => row.yourTurn && row.todoLabel);
    return rows.filter((row) => row.status !== 'draft').concat(rows.filter((row) => row.status === 'draft')).slice(0, TODO_CARD_LIMIT).map((row) => ({ ...row, section: '' }));
  }

  /**
   * Loads the list; callers asking while a load is on its way share it. Rejects when it
   * failed (the list on screen stays as it was) — the page says so (behaviors/list-load).
   */
  refresh(): Promise<void> {
    if (this.inFlight) return this.inFlight;
    const run = listApplications().then((all) =>
      runInAction(() => {
        this.applications = all.map(summaryOf);
        this.loaded = true;
      }),
    );
    const settle = () => {
      this.inFlight = null;
    };
    this.inFlight = run;
    run.then(settle, settle);
    return run;
  }

  /** A page saw this order as it is now (paid, moved on, submitted): every list shows it. */
  updateOrder(order: ApplicationSummary): void {
    const summary = summaryOf(order);
    const index = this.applications.findIndex((a) => a.id === summary.id);
    if (index >= 0) this.applications[index] = summary;
    else this.applications.unshift(summary);
  }

  /**
   * The language changed in 我的: the rows' own words (their buttons, dates, section titles)
   * follow at once, without waiting for the next list from the server. Nothing when unchanged.
   */
  relocalize(): void {
    this.locale = currentLocale();
  }

  /** The 消息 tab's count: set only through utils/unread-badge showUnreadBadge, which keeps the tab bar's badge with it. */
  setUnread(unread: number): void {
    this.unread = unread;
  }

  /** Logged out: nothing of the last account stays on screen. */
  clear(): void {
    this.applications = [];
    this.loaded = false;
    this.unread = 0;
  }
}

export const ordersStore = new OrdersStore();
