import { recordSubscription } from '../../api/messages';

/**
 * Asks for the 安全提醒 template. CALL IT SYNCHRONOUSLY FROM A TAP. Never rejects: resolves
 * when the choice is recorded, or at once when there is nothing to ask or anything fails —
 * a subscription never blocks registering.
 */
export function askForSafetyAlerts(templateId: string): Promise<void> {
  if (!templateId || typeof wx.requestSubscribeMessage !== 'function') return Promise.resolve();
  return new Promise<void>((resolve) => {
    try {
      wx.requestSubscribeMessage({
        tmplIds: [templateId],
        success: (result) => {
          const accepted = result[templateId] === 'accept' ? [templateId] : [];
          recordSubscription([templateId], accepted).then(() => resolve(), () => resolve());
        },
        fail: () => resolve(),
      });
    } catch {
      resolve();
    }
  });
}
