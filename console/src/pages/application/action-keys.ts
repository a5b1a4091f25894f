/**
 * Keys of the decisions: the bar shows each beside its button; use-shortcuts acts on them.
 * `a` is "the way forward": 审核通过, or 面审通过 for an order in 待视频面审.
 */
export const ACTION_KEYS: Readonly<Record<'a' | 's' | 'r' | 'i', readonly string[]>> = {
  a: ['approve', 'interview_passed'],
  s: ['request_supplements'],
  r: ['reject'],
  i: ['require_interview'],
};

export function keyOfAction(action: string): string {
  return Object.entries(ACTION_KEYS).find(([, ids]) => ids.includes(action))?.[0] ?? '';
}
