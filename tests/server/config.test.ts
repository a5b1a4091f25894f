import { loadConfig } from '../../server/config';

describe('server/config: job runner, subscription templates, draft reminders', () => {
  const base = { DATA_DIR: '/nonexistent-config-test' };

  it('defaults', () => {
    const config = loadConfig(base);
    expect(config.jobs).toEqual({ pollMs: 1000 });
    expect(config.wechat.templates).toEqual({ orderStatus: 'sandbox-order-status', safetyAlert: 'sandbox-safety-alert' });
    expect(config.applications).toEqual({ draftDays: 30, draftReminderDays: 3, draftSweepMinutes: 60 });
    expect(config.registration).toEqual({ sweepMinutes: 60 });
  });

  it('reads WECHAT_TEMPLATE_SAFETY_ALERT and REGISTRATION_SWEEP_MINUTES (0 = off)', () => {
    const config = loadConfig({ ...base, WECHAT_TEMPLATE_SAFETY_ALERT: 'tmpl-safety', REGISTRATION_SWEEP_MINUTES: '0' });
    expect(config.wechat.templates.safetyAlert).toBe('tmpl-safety');
    expect(config.registration.sweepMinutes).toBe(0);
    expect(loadConfig({ ...base, REGISTRATION_SWEEP_MINUTES: 'x' }).registration.sweepMinutes).toBe(60);
  });

  it('reads JOB_POLL_MS, WECHAT_TEMPLATE_ORDER_STATUS, APPLICATION_DRAFT_REMINDER_DAYS, APPLICATION_DRAFT_SWEEP_MINUTES (0 = off where allowed)', () => {
    const config = loadConfig({
      ...base,
      JOB_POLL_MS: '0',
      WECHAT_TEMPLATE_ORDER_STATUS: 'tmpl-123',
      APPLICATION_DRAFT_REMINDER_DAYS: '5',
      APPLICATION_DRAFT_SWEEP_MINUTES: '0',
    });
    expect(config.jobs.pollMs).toBe(0);
    expect(config.wechat.templates.orderStatus).toBe('tmpl-123');
    expect(config.applications).toMatchObject({ draftReminderDays: 5, draftSweepMinutes: 0 });
    // Nonsense falls back to the default; reminder days cannot be 0.
    expect(loadConfig({ ...base, JOB_POLL_MS: '-5', APPLICATION_DRAFT_REMINDER_DAYS: '0', APPLICATION_DRAFT_SWEEP_MINUTES: 'x' })).toMatchObject({
      jobs: { pollMs: 1000 },
      applications: { draftReminderDays: 3, draftSweepMinutes: 60 },
    });
  });
});
