/**
 * The step form's progress (packages/apply/form-model.ts progressOf): counted in parts, so a
 * branch that adds or drops steps (replacement → 遗失/被盗情况, a child's guardian) never
 * changes the total the citizen was shown — it used to jump from 共11步 to 共13步.
 */
import { progressOf } from '../../miniprogram/packages/apply/form-model';
import { pathThrough } from '../../miniprogram/domain/services/engine';
import { findApplicationService } from '../../miniprogram/domain/services/service-registry';
import type { Answers } from '../../miniprogram/domain/services/definition-types';

const passport = findApplicationService('passport')!;

function walk(answers: Answers) {
  return pathThrough(passport, answers).map((step) => progressOf(passport, step.id, answers));
}

describe('apply progress', () => {
  it('keeps the passport’s part count whatever the branch, and only moves forward', () => {
    const branches: Answers[] = [
      { case: 'first_issue', applicantRelation: 'self' },
      { case: 'renewal', applicantRelation: 'self', renewalReason: 'expired' },
      { case: 'replacement', applicantRelation: 'self', replacementReason: 'lost' },
      { case: 'replacement', applicantRelation: 'self', replacementReason: 'lost', birthDate: '2015-01-01' },
    ];
    const stepCounts = new Set<number>();
    for (const answers of branches) {
      const progress = walk(answers);
      stepCounts.add(progress.length);
      expect(new Set(progress.map((p) => p.total))).toEqual(new Set([6]));
      const percents = progress.map((p) => p.percent);
      expect(percents).toEqual([...percents].sort((a, b) => a - b));
      expect(percents[percents.length - 1]).toBe(100);
      expect(progress[0].label).toBe('第1部分，共6部分 · 填写申请信息');
      expect(progress[progress.length - 1].label).toBe('第6部分，共6部分 · 确认提交');
    }
    // The branches really differ in steps: the parts are what stays put.
    expect(stepCounts.size).toBeGreaterThan(1);
  });

  it('the same answers before and after the branch question give the same total', () => {
    const before = progressOf(passport, 'eligibility', {});
    const after = progressOf(passport, 'loss-details', { case: 'replacement', applicantRelation: 'self', replacementReason: 'lost' });
    expect(after.total).toBe(before.total);
    expect(after.index).toBe(before.index);
    expect(after.percent).toBeGreaterThan(before.percent);
  });
});
