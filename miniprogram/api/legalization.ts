/** 领事认证查验: public, no login needed — the server rate-limits by address and, when logged in, by citizen. */
import type {
  AuthorityList,
  VerifyApostilleRequest,
  VerifyApostilleResponse,
  VerifyLegalizationRequest,
  VerifyLegalizationResponse,
} from '../domain/info-api-types';
import { request } from './request';

export async function fetchAuthorities(): Promise<AuthorityList['authorities']> {
  return (await request<AuthorityList>('/api/legalization/authorities', { auth: false })).authorities;
}

/** 400 VALIDATION_FAILED carries field messages; 429 RATE_LIMITED says 稍后再试. */
export function verifyLegalization(input: VerifyLegalizationRequest): Promise<VerifyLegalizationResponse> {
  return request<VerifyLegalizationResponse>('/api/legalization/verify', { method: 'POST', body: input, auth: 'optional' });
}

/** 附加证明书查验: the same public rules and rate limit as the legalization check. */
export function verifyApostille(input: VerifyApostilleRequest): Promise<VerifyApostilleResponse> {
  return request<VerifyApostilleResponse>('/api/legalization/apostille/verify', { method: 'POST', body: input, auth: 'optional' });
}
