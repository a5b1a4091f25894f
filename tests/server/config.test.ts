import { ConfigError, loadConfig } from '../../server/config';

describe('server/config: job runner, subscription templates, draft reminders', () => {
  const base = { DATA_DIR: '/nonexistent-config-test' };

  it('defaults', () => {
    const config = loadConfig(base);
    expect(config.jobs).toEqual({ pollMs: 1000 });
    expect(config.wechat.templates).toEqual({ orderStatus: 'sandbox-order-status', safetyAlert: 'sandbox-safety-alert', documentExpiry: 'sandbox-document-expiry' });
    expect(config.applications).toEqual({ draftDays: 30, draftReminderDays: 3, draftSweepMinutes: 60 });
    expect(config.registration).toEqual({ sweepMinutes: 60 });
    expect(config.passports).toEqual({ reminderSweepMinutes: 60 });
  });

  it('reads WECHAT_TEMPLATE_DOCUMENT_EXPIRY and PASSPORT_REMINDER_SWEEP_MINUTES (0 = off)', () => {
    const config = loadConfig({ ...base, WECHAT_TEMPLATE_DOCUMENT_EXPIRY: 'tmpl-expiry', PASSPORT_REMINDER_SWEEP_MINUTES: '0' });
    expect(config.wechat.templates.documentExpiry).toBe('tmpl-expiry');
    expect(config.passports.reminderSweepMinutes).toBe(0);
  });

  it('reads WECHAT_TEMPLATE_SAFETY_ALERT and REGISTRATION_SWEEP_MINUTES (0 = off)', () => {
    const config = loadConfig({ ...base, WECHAT_TEMPLATE_SAFETY_ALERT: 'tmpl-safety', REGISTRATION_SWEEP_MINUTES: '0' });
    expect(config.wechat.templates.safetyAlert).toBe('tmpl-safety');
    expect(config.registration.sweepMinutes).toBe(0);
    expect(() => loadConfig({ ...base, REGISTRATION_SWEEP_MINUTES: 'x' })).toThrow(/REGISTRATION_SWEEP_MINUTES: must be a whole number ≥ 0/);
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
  });

  it('refuses to start on a bad value, naming every bad variable (never a silent default)', () => {
    const load = () => loadConfig({ ...base, JOB_POLL_MS: '-5', APPLICATION_DRAFT_REMINDER_DAYS: '0', APPLICATION_DRAFT_SWEEP_MINUTES: 'x', PORT: '70000' });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/JOB_POLL_MS: must be a whole number ≥ 0 \(got "-5"\)/);
    expect(load).toThrow(/APPLICATION_DRAFT_REMINDER_DAYS: must be a whole number ≥ 1/);
    expect(load).toThrow(/APPLICATION_DRAFT_SWEEP_MINUTES/);
    expect(load).toThrow(/PORT: must be a port number/);
    expect(() => loadConfig({ ...base, PUBLIC_URL: 'not a url' })).toThrow(/PUBLIC_URL: must be an http\(s\) URL/);
    expect(() => loadConfig({ ...base, LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
    expect(() => loadConfig({ ...base, PII_KEY: 'c2hvcnQ=' })).toThrow(/PII_KEY: must be 32 bytes/);
    expect(() => loadConfig({ ...base, DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
  });

  it('TRUST_PROXY: none by default; a comma-separated list of addresses and ranges; anything else refused', () => {
    expect(loadConfig(base).trustProxy).toEqual([]);
    expect(loadConfig({ ...base, TRUST_PROXY: '10.0.0.1, 10.1.0.0/16,::1' }).trustProxy).toEqual(['10.0.0.1', '10.1.0.0/16', '::1']);
    expect(() => loadConfig({ ...base, TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY/);
  });
});
