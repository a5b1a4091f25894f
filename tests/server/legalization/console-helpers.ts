import type { TestServer } from '../../helpers/test-server';

/** Creates a staff account and signs it in through the API; returns the cc_staff cookie value. */
export async function staffCookie(
  server: TestServer,
  staff: { username: string; role: 'reviewer' | 'supervisor' | 'admin'; missionId?: string; mfaLegalization?: boolean },
): Promise<string> {
  const password = `${staff.username} password`;
  await server.createStaff({ ...staff, password });
  const response = await server.app.inject({
    method: 'POST',
    url: '/api/console/session',
    payload: { username: staff.username, password },
  });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.body}`);
  return response.cookies.find((c) => c.name === 'cc_staff')!.value;
}

export const CSV_HEADER = 'legalization_no,sticker_no,authority_id,document_type,issued_on';

export function csvOf(rows: string[], header = CSV_HEADER, newline = '\r\n'): string {
  return [header, ...rows].join(newline) + newline;
}

export const APOSTILLE_CSV_HEADER = 'apostille_no,issued_on,signer_name,signer_capacity,seal_of,authority_id';
