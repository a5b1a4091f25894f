import fs from 'node:fs';
import path from 'node:path';
import { sqlOnlyKinds } from '../../helpers/fresh-database';
import { images, residentId, startApplicationsServer, verifiedCitizen, type Client } from './helpers';
import { newDraft, TestImages, walkRenewal } from './walk';

jest.setTimeout(60_000);

function storedFiles(dir: string): string[] {
  const root = path.join(dir, 'files');
  if (!fs.existsSync(root)) return [];
  return fs.readdirSync(root).flatMap((sub) => fs.readdirSync(path.join(root, sub)).map((f) => path.join(root, sub, f)));
}

describe.each(sqlOnlyKinds)(
  'application documents (%s)',
  (database) => {
    let ctx: Awaited<ReturnType<typeof startApplicationsServer>>;
    let files: TestImages;
    let api: Client;
    let id: string;
    beforeAll(async () => {
      ctx = await startApplicationsServer(database);
      files = { idPhoto: await images.idPhoto(), document: await images.document(), signature: await images.signature() };
      api = await verifiedCitizen(ctx.server, 'o_docs_1', { name: '李明', idType: 'resident_id', idNumber: residentId(201) });
      id = await newDraft(api);
      await walkRenewal(api, id, files, { until: 'declaration' });
    });
    afterAll(() => ctx.close());

    const upload = (docId: string, data: Buffer, type = 'image/jpeg') => api.upload(`/api/applications/${id}/documents/${docId}`, data, type);

    it('checks the ID photo, stores the normalized JPEG encrypted, serves it back to the owner only', async () => {
      const response = await upload('id_photo', files.idPhoto);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ docId: 'id_photo', kind: 'id_photo', mime: 'image/jpeg', ok: true });
      const back = await api.download(`/api/applications/${id}/documents/id_photo`);
      const onDisk = storedFiles(ctx.dataDir);
      expect(onDisk.length).toBeGreaterThan(0);
      for (const file of onDisk) {
        // Sealed: our header, then nonce, tag and ciphertext — never the image itself.
        const raw = fs.readFileSync(file);
        expect(raw.subarray(0, 4).toString()).toBe('CCF2');
        expect(raw.includes(back.data.subarray(0, 64))).toBe(false);
      }
      expect(back.status).toBe(200);
      expect(back.type).toBe('image/jpeg');
      expect(back.data.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
      const row = await ctx.server.db.selectFrom('application_files').selectAll().where('application_id', '=', id).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ encrypted: true, bytes: back.data.length });

      const other = await verifiedCitizen(ctx.server, 'o_docs_2', { name: '王芳', idType: 'resident_id', idNumber: residentId(202) });
      expect((await other.download(`/api/applications/${id}/documents/id_photo`)).status).toBe(404);
    });

    it('a dark photo is kept with its reasons in Chinese, and replaces the earlier one', async () => {
      const before = storedFiles(ctx.dataDir).length;
      const response = await upload('id_photo', await images.darkIdPhoto());
      expect(response.status).toBe(200);
      expect(response.body.ok).toBe(false);
      expect(response.body.findings).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'TOO_DARK', severity: 'error', message: expect.stringMatching(/[\u4e00-\u9fff]/) })]));
      expect(response.body.findings[0]).not.toHaveProperty('detail');
      expect(storedFiles(ctx.dataDir).length).toBe(before);
      const detail = (await api.get(`/api/applications/${id}`)).body;
      expect(detail.documents.find((d: { docId: string }) => d.docId === 'id_photo').ok).toBe(false);
      // Put the good one back for the next tests.
      expect((await upload('id_photo', files.idPhoto)).body.ok).toBe(true);
    });

    it('refuses fake images and stores nothing', async () => {
      const before = storedFiles(ctx.dataDir).length;
      const fake = await upload('passport_data_page', Buffer.from('%PDF-1.4 definitely not an image'.padEnd(2000, 'x')));
      expect(fake.status).toBe(400);
      expect(fake.body.error.code).toBe('IMAGE_REJECTED');
      expect(fake.body.error.message).toMatch(/^图片无法使用：/);
      const disguised = await upload('id_photo', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(5000, 1)]));
      expect(disguised.status).toBe(400);
      expect(storedFiles(ctx.dataDir).length).toBe(before);
      const docs = (await api.get(`/api/applications/${id}`)).body.documents.map((d: { docId: string }) => d.docId);
      expect(docs).not.toContain('passport_data_page');
    });

    it('refuses uploads over 5 MB with 413 and a Chinese message', async () => {
      const huge = Buffer.concat([files.document, Buffer.alloc(5 * 1024 * 1024)]);
      const response = await upload('passport_data_page', huge);
      expect(response).toEqual({ status: 413, body: { error: { code: 'FILE_TOO_LARGE', message: '文件过大，请上传不超过5MB的JPG或PNG图片' } } });
    });

    it('refuses other content types with 415', async () => {
      const response = await upload('passport_data_page', Buffer.from('%PDF-1.4'), 'application/pdf');
      expect(response).toEqual({ status: 415, body: { error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: '请上传JPG或PNG图片' } } });
    });

    it('refuses documents the answers do not call for, and unknown ones', async () => {
      expect((await upload('loss_statement', files.document)).body.error.code).toBe('DOCUMENT_NOT_NEEDED');
      expect((await upload('nonsense', files.document)).status).toBe(404);
    });

    it('accepts a real signature PNG only', async () => {
      const sig = (data: Buffer, type = 'image/png') => upload('declaration_signature', data, type);
      expect((await sig(files.idPhoto, 'image/jpeg')).body.error.message).toBe('签名须为PNG图片');
      expect((await sig(await images.signature(100, 40))).body.error.message).toBe('签名图片尺寸不合适，请重新签名');
      expect((await sig(await images.blankSignature())).body.error.message).toBe('未检测到签名笔迹，请重新签名');
      const good = await sig(files.signature);
      expect(good.body).toMatchObject({ docId: 'declaration_signature', kind: 'signature', mime: 'image/png', ok: true });
    });

    it('staff of the mission can read files of a submitted application; other missions and drafts cannot', async () => {
      const staffRequest = async (username: string, missionId: string) => {
        await ctx.server.createStaff({ username, password: 'correct horse battery', role: 'reviewer', missionId });
        const login = await fetch(`${ctx.server.baseUrl}/api/console/session`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username, password: 'correct horse battery' }),
        });
        const cookie = login.headers.get('set-cookie')!.split(';')[0];
        return (url: string) => fetch(ctx.server.baseUrl + url, { headers: { cookie } });
      };
      const ny = await staffRequest('ny_reviewer', 'us-new-york');
      const london = await staffRequest('london_reviewer', 'gb-london');
      const url = `/api/console/applications/${id}/documents/id_photo`;
      expect((await ny(url)).status).toBe(404); // still a draft

      await walkRenewal(api, id, files);
      const submitted = await api.post(`/api/applications/${id}/submit`);
      expect(submitted.status).toBe(200);
      const read = await ny(url);
      expect(read.status).toBe(200);
      expect(Buffer.from(await read.arrayBuffer()).subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
      expect((await london(url)).status).toBe(404);
      expect((await fetch(ctx.server.baseUrl + url)).status).toBe(401);
      const audit = await ctx.server.db.selectFrom('audit_log').selectAll().where('action', '=', 'application.document.read').execute();
      expect(audit).toHaveLength(1);
      // Submitted: no more uploads.
      expect((await upload('id_photo', files.idPhoto)).body.error.code).toBe('NOT_EDITABLE');
    });
  },
);
