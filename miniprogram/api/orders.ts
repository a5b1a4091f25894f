/**
 * The citizen's orders after submission (server/orders, docs/review-workflow.md): the
 * timeline, the 补充材料 slot and its uploads, resubmitting, and confirming receipt.
 * The list itself is GET /api/applications (api/applications.ts listApplications).
 */
import type { OrderView, SupplementSlot, Timeline } from '../domain/order-api-types';
import type { ApplicationDetail, UploadedDocument } from '../domain/services/application-api-types';
import { request, uploadFile } from './request';

const enc = encodeURIComponent;

/** 订单详情's one request: the application, timeline, mission contact, and open supplements or interview. */
export function fetchOrder(id: string): Promise<OrderView> {
  return request<OrderView>(`/api/applications/${enc(id)}/order`);
}

export function fetchTimeline(id: string): Promise<Timeline> {
  return request<Timeline>(`/api/applications/${enc(id)}/timeline`);
}

/** The open slot (`open: false`, no items, when nothing is requested). */
export function fetchSupplements(id: string): Promise<SupplementSlot> {
  return request<SupplementSlot>(`/api/applications/${enc(id)}/supplements`);
}

/** One requested item (multipart `file`). 409 SUPPLEMENT_NOT_OPEN / SUPPLEMENT_NOT_REQUESTED, 413, 400 IMAGE_REJECTED. */
export function uploadSupplement(id: string, item: string, filePath: string): Promise<UploadedDocument> {
  return uploadFile<UploadedDocument>(`/api/applications/${enc(id)}/supplements/${enc(item)}`, filePath, 'file');
}

/** Back to 待审核 at the original queue place; 409 when an item is still missing. */
export function resubmit(id: string): Promise<ApplicationDetail> {
  return request<ApplicationDetail>(`/api/applications/${enc(id)}/resubmit`, { method: 'POST', body: {} });
}

/** 已寄出 → 已完成. */
export function confirmReceipt(id: string): Promise<ApplicationDetail> {
  return request<ApplicationDetail>(`/api/applications/${enc(id)}/confirm-receipt`, { method: 'POST', body: {} });
}
