import { selectMission, verifyIdentity } from '../../../miniprogram/api/profile';
import { clearSession } from '../../../miniprogram/api/request';
import { setApiBaseUrl } from '../../../miniprogram/config';
import { sessionStore } from '../../../miniprogram/stores/session-store';
import { bindWxToHttp } from './wx-http';

let sequence = 0;

/** A residentId with a correct check digit, distinct per sequence number. */
export function residentId(n: number): string {
  const first17 = `11010519850302${String(n % 1000).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((acc, digit, i) => acc + Number(digit) * weights[i], 0);
  return first17 + '10X98765432'[sum % 11];
}

/**
 * A fresh WeChat account, logged in through the mini-program's own api layer, with a
 * verified identity and a chosen mission — ready to apply.
 */
export async function readyCitizen(server: { baseUrl: string; mintLoginCode(openid: string): Promise<string> }, name = '李明', idNumber?: string) {
  const n = ++sequence + Math.floor(Math.random() * 500);
  setApiBaseUrl(server.baseUrl);
  clearSession();
  const counters = bindWxToHttp(() => server.mintLoginCode(`o_apply_${process.pid}_${n}`));
  await verifyIdentity({ name, idType: 'resident_id', idNumber: idNumber ?? residentId(n), phone: '+12125550100' });
  const profile = await selectMission('us-new-york');
  sessionStore.setProfile(profile);
  return { counters, profile };
}
