import { randomUUID } from 'node:crypto';
import { sqlOnlyKinds } from '../../helpers/fresh-database';
import type { TestServer } from '../../helpers/test-server';
import { client, images, residentId, startApplicationsServer } from '../applications/helpers';
import type { TestImages } from '../applications/walk';
import { newDraft } from '../applications/walk';
import { submittedOrder } from '../review/helpers';

/**
 * What the server composes for a citizen — photo refusals, check errors, order status names
 * and next steps, pension errors — comes back in the language the mini-program asks for
 * (Accept-Language), while what is written once for staff stays in 简体.
 */
const CHINESE = /[\u4e00-\u9fff]/;
const LANGUAGES = { 'zh-Hant': 'zh-Hant,zh-TW;q=0.9', en: 'en' } as const;

interface Reply {
  status: number;
  body: any;
}

describe.each(sqlOnlyKinds)("answers in the caller's language (%s)", (database) => {
  let server: TestServer;
  let close: () => Promise<void>;
  let files: TestImages;

  beforeAll(async () => {
    const started = await startApplicationsServer(database);
    server = started.server;
    close = started.close;
    files = { idPhoto: await images.idPhoto(), document: await images.document(), signature: await images.signature() };
  });
  afterAll(() => close());

  /** A call as the mini-program makes it: bearer token and Accept-Language. */
  const call = async (token: string | null, language: string, method: string, url: string, body?: Buffer | object): Promise<Reply> => {
    const headers: Record<string, string> = { 'accept-language': language };
    if (token) headers.authorization = `Bearer ${token}`;
    if (Buffer.isBuffer(body)) headers['content-type'] = 'image/jpeg';
    else if (body) headers['content-type'] = 'application/json';
    const response = await fetch(server.baseUrl + url, { method, headers, body: Buffer.isBuffer(body) ? body : body ? JSON.stringify(body) : undefined });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  };

  /** A verified citizen's token (the helpers' client keeps it to itself). */
  let person = 900;
  const citizen = async (openid: string) => {
    const token = await server.loginCitizen(openid);
    const identity = await call(token, 'zh-CN', 'PUT', '/api/me/identity', { name: '李明', idType: 'resident_id', idNumber: residentId(++person), phone: '+12125550100' });
    expect(identity.status).toBe(200);
    return token;
  };

  it('refuses a photo with its reasons in English or 繁體, shows a stored photo in each reader\'s language, and stores 简体', async () => {
    const token = await citizen('o_lang_photo');
    const id = await newDraft(client(server, token));
    const notAnImage = Buffer.from('%PDF-1.4 definitely not an image'.padEnd(2000, 'x'));

    const en = await call(token, 'en', 'POST', `/api/applications/${id}/documents/id_photo`, notAnImage);
    expect(en.status).toBe(400);
    expect(en.body.error).toMatchObject({
      code: 'IMAGE_REJECTED',
      message: 'The image cannot be used: The file is not a valid JPG or PNG image. Please choose a photo and upload it again',
      fields: { file: 'The file is not a valid JPG or PNG image. Please choose a photo and upload it again' },
    });
    const hant = await call(token, LANGUAGES['zh-Hant'], 'POST', `/api/applications/${id}/documents/id_photo`, notAnImage);
    expect(hant.body.error.message).toBe('圖片無法使用：檔案不是有效的JPG或PNG圖片，請重新選擇照片上傳');

    // Decodable but too dark: kept with its reasons, which each reader reads in their language.
    const dark = await call(token, 'en', 'POST', `/api/applications/${id}/documents/id_photo`, await images.darkIdPhoto());
    expect(dark.status).toBe(200);
    expect(dark.body.ok).toBe(false);
    const tooDark = (body: { findings: Array<{ code: string; message: string }> }) => body.findings.find((f) => f.code === 'TOO_DARK')?.message;
    expect(tooDark(dark.body)).toBe('The photo is too dark. Please take it again in good light');
    for (const finding of dark.body.findings) expect(finding.message).not.toMatch(CHINESE);

    const detailHant = await call(token, LANGUAGES['zh-Hant'], 'GET', `/api/applications/${id}`);
    expect(tooDark(detailHant.body.documents.find((d: { docId: string }) => d.docId === 'id_photo'))).toBe('照片太暗，請在光線充足處重新拍攝');
    const detailEn = await call(token, 'en', 'GET', `/api/applications/${id}`);
    expect(tooDark(detailEn.body.documents.find((d: { docId: string }) => d.docId === 'id_photo'))).toBe('The photo is too dark. Please take it again in good light');

    // Submitting the unfinished draft: every refusal in English, the service's words included.
    const submit = await call(token, 'en', 'POST', `/api/applications/${id}/submit`, {});
    expect(submit.status).toBe(400);
    expect(submit.body.error.code).toBe('SUBMISSION_INCOMPLETE');
    expect(Object.keys(submit.body.error.fields).length).toBeGreaterThan(3);
    expect(submit.body.error.fields['documents.id_photo']).toBe('The ID photo did not pass the check. Please take or upload it again as advised');
    for (const [field, message] of Object.entries(submit.body.error.fields)) expect(`${field}: ${CHINESE.test(message as string) ? message : 'ok'}`).toBe(`${field}: ok`);

    // The record staff read is in 简体, with the code and values it was rendered from.
    const stored = await server.db.selectFrom('application_files').select('findings').where('application_id', '=', id).where('doc_id', '=', 'id_photo').executeTakeFirstOrThrow();
    expect(stored.findings.find((f) => f.code === 'TOO_DARK')?.message).toBe('照片太暗，请在光线充足处重新拍摄');
  });

  it('answers a legalization check in the caller\'s language: field errors translated, not_found carries no sentence', async () => {
    const bad = await call(null, 'en', 'POST', '/api/legalization/verify', { legalizationNo: '1', stickerNo: '', authorityId: 'no-such-authority' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    expect(bad.body.error.fields).toMatchObject({
      legalizationNo: 'The legalization number has 4 to 32 digits or letters. Please enter it as printed on the legalization sticker',
      stickerNo: 'Please enter the sticker number',
    });
    expect(JSON.stringify(bad.body)).not.toMatch(CHINESE);

    const unknownAuthority = await call(null, LANGUAGES['zh-Hant'], 'POST', '/api/legalization/verify', { legalizationNo: 'MFA2024999999', stickerNo: 'A99999999', authorityId: 'no-such-authority' });
    expect(unknownAuthority.status).toBe(400);
    expect(unknownAuthority.body.error.fields.authorityId).toBe('簽署機關不在列表中，請重新選擇');

    const notFound = await call(null, 'en', 'POST', '/api/legalization/verify', { legalizationNo: 'MFA2024999999', stickerNo: 'A99999999', authorityId: 'mfa' });
    expect(notFound.status).toBe(200);
    expect(notFound.body).toEqual({ result: 'not_found' });
  });

  it('names the order status, its next step and its timeline in English or 繁體; the 消息中心 record stays 简体', async () => {
    const { api, id } = await submittedOrder(server, files, 'o_lang_order');
    // submittedOrder's client carries the token; read it back through a fresh login of the same citizen.
    const token = await server.loginCitizen('o_lang_order');
    expect((await api.get(`/api/applications/${id}`)).status).toBe(200);

    const listEn = await call(token, 'en', 'GET', '/api/applications');
    const mineEn = listEn.body.applications.find((a: { id: string }) => a.id === id);
    expect(mineEn).toMatchObject({
      serviceTitle: expect.not.stringMatching(CHINESE),
      statusLabel: 'Awaiting review',
      nextStep: { who: 'mission', todo: null, text: 'The embassy or consulate is reviewing your application. Please wait' },
    });

    const orderEn = await call(token, 'en', 'GET', `/api/applications/${id}/order`);
    expect(orderEn.status).toBe(200);
    const { timeline } = orderEn.body;
    expect(timeline.statusLabel).toBe('Awaiting review');
    expect(timeline.nextStep.text).toBe('The embassy or consulate is reviewing your application. Please wait');
    expect(timeline.entries.map((e: { actionLabel: string; toLabel: string }) => `${e.actionLabel} · ${e.toLabel}`)).toEqual(['Application submitted (pay at the mission) · Awaiting review']);
    if (timeline.queue) expect(timeline.queue.text).not.toMatch(CHINESE);
    expect(orderEn.body.application.statusLabel).toBe('Awaiting review');

    const orderHant = await call(token, LANGUAGES['zh-Hant'], 'GET', `/api/applications/${id}/order`);
    expect(orderHant.body.timeline).toMatchObject({ statusLabel: '待審核', nextStep: { text: '使領館正在審核您的申請，請耐心等待' } });

    // Withdrawn in English: the answer in English, the 消息中心 record (staff read it too) in 简体.
    const withdrawn = await call(token, 'en', 'POST', `/api/applications/${id}/withdraw`, {});
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ statusLabel: 'Withdrawn', nextStep: { text: 'The application was withdrawn' } });
    const message = await server.db.selectFrom('messages').select(['title', 'body']).where('application_id', '=', id).where('status', '=', 'withdrawn').executeTakeFirstOrThrow();
    expect(message.title).toBe('撤回申请：已撤回');
    expect(message.body).toContain('申请已撤回');

    // A refusal of the state machine, in English.
    const again = await call(token, 'en', 'POST', `/api/applications/${id}/withdraw`, {});
    expect(again.status).toBe(409);
    expect(again.body.error.message).not.toMatch(CHINESE);
  });

  it('refuses an appointment booking in English or 繁體', async () => {
    const { id } = await submittedOrder(server, files, 'o_lang_appointment');
    const token = await server.loginCitizen('o_lang_appointment');
    const url = `/api/applications/${id}/appointments/fingerprints/booking`;
    const en = await call(token, 'en', 'POST', url, { slotId: randomUUID() });
    expect(en.status).toBeGreaterThanOrEqual(400);
    expect(en.status).toBeLessThan(500);
    expect(en.body.error.message).toMatch(/[a-z]/);
    expect(en.body.error.message).not.toMatch(CHINESE);
    const hant = await call(token, LANGUAGES['zh-Hant'], 'POST', url, { slotId: randomUUID() });
    expect(hant.body.error.code).toBe(en.body.error.code);
    const simplified = await call(token, 'zh-CN', 'POST', url, { slotId: randomUUID() });
    expect(hant.body.error.message).not.toBe(simplified.body.error.message);
  });

  it('answers a pension error in English or 繁體', async () => {
    const token = await citizen('o_lang_pension');
    const en = await call(token, 'en', 'GET', `/api/pension/certifications/${randomUUID()}`);
    expect(en.status).toBe(404);
    expect(en.body.error.message).toBe('Certification record not found');
    const hant = await call(token, LANGUAGES['zh-Hant'], 'GET', `/api/pension/certifications/${randomUUID()}`);
    expect(hant.body.error.message).toBe('未找到該認證記錄');
  });
});
