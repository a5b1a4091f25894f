import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import sharp from 'sharp';
import { PHOTO_CASES } from '../photo/real-photos';
import { sqlOnlyKinds } from '../../helpers/fresh-database';
import { client, images, residentId, startApplicationsServer, type Reply } from './helpers';
import { newDraft, TestImages, walkRenewal } from './walk';

jest.setTimeout(60_000);

/** What wx.uploadFile sends: multipart/form-data, the image in the field `file`, plus optional formData fields. */
function form(data: Buffer, options: { type?: string; filename?: string; field?: string; fields?: Record<string, string>; extraFile?: boolean } = {}) {
  const body = new FormData();
  for (const [name, value] of Object.entries(options.fields ?? {})) body.append(name, value);
  body.append(options.field ?? 'file', new Blob([data], { type: options.type ?? 'image/jpeg' }), options.filename ?? 'tmp_photo.jpg');
  if (options.extraFile) body.append('file2', new Blob([data], { type: 'image/jpeg' }), 'second.jpg');
  return body;
}

function storedCount(dataDir: string): number {
  const root = path.join(dataDir, 'files');
  if (!fs.existsSync(root)) return 0;
  return fs.readdirSync(root).reduce((sum, sub) => sum + fs.readdirSync(path.join(root, sub)).length, 0);
}

describe.each(sqlOnlyKinds)('multipart uploads, as wx.uploadFile sends them (%s)', (database) => {
  let ctx: Awaited<ReturnType<typeof startApplicationsServer>>;
  let files: TestImages;
  let token: string;
  let id: string;

  const post = async (docId: string, body: FormData, as = token, application = id): Promise<Reply> => {
    const response = await fetch(`${ctx.server.baseUrl}/api/applications/${application}/documents/${docId}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${as}` },
      body,
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  };

  const verifiedToken = async (openid: string, name: string, idNumber: string) => {
    const bearer = await ctx.server.loginCitizen(openid);
    const response = await client(ctx.server, bearer).put('/api/me/identity', { name, idType: 'resident_id', idNumber, phone: '+12125550100' });
    if (response.status !== 200) throw new Error(`identity: ${response.status}`);
    return bearer;
  };

  beforeAll(async () => {
    ctx = await startApplicationsServer(database);
    files = { idPhoto: await images.idPhoto(), document: await images.document(), signature: await images.signature() };
    token = await verifiedToken('o_multipart_1', '李明', residentId(301));
    const api = client(ctx.server, token);
    id = await newDraft(api);
    await walkRenewal(api, id, files, { until: 'declaration' });
  });
  afterAll(() => ctx.close());

  it('accepts a good ID photo in the field `file` (with formData fields beside it) and stores it encrypted', async () => {
    const response = await post('id_photo', form(files.idPhoto, { fields: { source: 'camera' } }));
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ docId: 'id_photo', kind: 'id_photo', mime: 'image/jpeg', ok: true });
    const row = await ctx.server.db.selectFrom('application_files').selectAll().where('application_id', '=', id).where('doc_id', '=', 'id_photo').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ encrypted: true, check_ok: true });
  });

  it('accepts application/octet-stream parts (what some phones send) and sniffs the bytes', async () => {
    const response = await post('passport_data_page', form(files.document, { type: 'application/octet-stream', filename: 'wxfile://tmp_abc' }));
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ docId: 'passport_data_page', mime: 'image/jpeg' });
  });

  it('a PNG sent as image/jpeg is judged by its bytes: decoded and stored as the normalized JPEG', async () => {
    const png = await sharp(files.document).png().toBuffer();
    const response = await post('passport_data_page', form(png, { type: 'image/jpeg', filename: 'page.jpg' }));
    expect(response.status).toBe(200);
    expect(response.body.mime).toBe('image/jpeg');
    // …and a JPEG sent as the signature (which must be a PNG) is refused whatever the part says.
    const signature = await post('declaration_signature', form(files.idPhoto, { type: 'image/png', filename: 'sig.png' }));
    expect(signature.status).toBe(400);
    expect(signature.body.error.message).toBe('签名须为PNG图片');
  });

  it('refuses a fake image with 400 and stores nothing', async () => {
    const before = storedCount(ctx.dataDir);
    const fake = await post('passport_data_page', form(Buffer.from('%PDF-1.4 not an image'.padEnd(3000, 'x')), { filename: 'scan.jpg' }));
    expect(fake.status).toBe(400);
    expect(fake.body.error.code).toBe('IMAGE_REJECTED');
    expect(fake.body.error.message).toMatch(/^图片无法使用：/);
    const truncated = await post('id_photo', form(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(5000, 1)])));
    expect(truncated.status).toBe(400);
    expect(storedCount(ctx.dataDir)).toBe(before);
  });

  it('refuses a file over 5 MB with 413 and the Chinese message, storing nothing', async () => {
    const before = storedCount(ctx.dataDir);
    const before_rows = await ctx.server.db.selectFrom('application_files').select('storage_key').where('application_id', '=', id).execute();
    const huge = Buffer.concat([files.document, Buffer.alloc(5 * 1024 * 1024)]);
    const response = await post('passport_data_page', form(huge));
    expect(response).toEqual({ status: 413, body: { error: { code: 'FILE_TOO_LARGE', message: '文件过大，请上传不超过5MB的JPG或PNG图片' } } });
    expect(storedCount(ctx.dataDir)).toBe(before);
    const after_rows = await ctx.server.db.selectFrom('application_files').select('storage_key').where('application_id', '=', id).execute();
    expect(after_rows).toEqual(before_rows);
  });

  it('a file cut at the size limit is 413 whatever its first bytes, never "not a valid image"', async () => {
    // A real JPEG padded past the limit: were the cut-off buffer judged, it would be a broken JPEG (400).
    for (const extra of [1, 1000, 512 * 1024]) {
      const padded = Buffer.concat([files.idPhoto, Buffer.alloc(5 * 1024 * 1024 - files.idPhoto.length + extra, 0x5a)]);
      const response = await post('id_photo', form(padded));
      expect(response).toEqual({ status: 413, body: { error: { code: 'FILE_TOO_LARGE', message: '文件过大，请上传不超过5MB的JPG或PNG图片' } } });
    }
  });

  it('a photo whose face is fine but framed too wide gets the spec crop back, which passes when uploaded', async () => {
    const wide = await PHOTO_CASES.headTooSmall();
    const response = await post('id_photo', form(wide));
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ ok: false, findings: [expect.objectContaining({ code: 'HEAD_TOO_SMALL', severity: 'error' }), expect.objectContaining({ code: 'RESIZED' })] });
    const crop = Buffer.from(response.body.autoCrop.jpegBase64, 'base64');
    expect(await sharp(crop).metadata()).toMatchObject({ format: 'jpeg', width: response.body.autoCrop.width, height: response.body.autoCrop.height });
    const accepted = await post('id_photo', form(crop, { filename: 'auto-crop.jpg' }));
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ ok: true });
    expect(accepted.body.autoCrop).toBeUndefined();
  });

  it("checks the photo against the application's mission's own ranges (missions.photo_spec)", async () => {
    const { mission_id: missionId } = await ctx.server.db.selectFrom('applications').select('mission_id').where('id', '=', id).executeTakeFirstOrThrow();
    const setSpec = (spec: string | null) => sql`update missions set photo_spec = ${spec}::jsonb where id = ${missionId}`.execute(ctx.server.db);
    await setSpec(JSON.stringify({ headWidth: [0.64, 0.73] }));
    try {
      const narrow = await post('id_photo', form(files.idPhoto));
      expect(narrow.body).toMatchObject({ ok: false, findings: [expect.objectContaining({ code: 'HEAD_TOO_SMALL' })] });
    } finally {
      await setSpec(null);
    }
    expect((await post('id_photo', form(files.idPhoto))).body).toMatchObject({ ok: true });
  });

  it('refuses a part of another type with 415, a missing `file` field and a second file with 400', async () => {
    const pdf = await post('passport_data_page', form(Buffer.from('%PDF-1.4'), { type: 'application/pdf', filename: 'scan.pdf' }));
    expect(pdf).toEqual({ status: 415, body: { error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: '请上传JPG或PNG图片' } } });
    const wrongField = await post('passport_data_page', form(files.document, { field: 'image' }));
    expect(wrongField.status).toBe(400);
    expect(wrongField.body.error).toMatchObject({ code: 'FILE_REQUIRED', message: '请选择要上传的JPG或PNG图片' });
    const onlyFields = new FormData();
    onlyFields.append('note', 'hello');
    expect((await post('passport_data_page', onlyFields)).body.error.code).toBe('FILE_REQUIRED');
    const two = await post('passport_data_page', form(files.document, { extraFile: true }));
    expect(two.status).toBe(200); // the first file is read; a second one is never stored
  });

  it("someone else's application is a 404, exactly like a missing one; no login is a 401", async () => {
    const before = storedCount(ctx.dataDir);
    const other = await verifiedToken('o_multipart_2', '王芳', residentId(302));
    const theirs = await post('id_photo', form(files.idPhoto), other);
    expect(theirs.status).toBe(404);
    expect(theirs.body.error.message).toBe('未找到该申请');
    expect((await post('id_photo', form(files.idPhoto), other, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await post('id_photo', form(files.idPhoto), 'not-a-token')).status).toBe(401);
    expect(storedCount(ctx.dataDir)).toBe(before);
  });
});
