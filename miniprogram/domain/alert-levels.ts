import { infoMessages } from './info-messages';

/**
 * The three travel-safety alert levels (海外安全提醒), mildest first. Codes are what the
 * API carries; labels are what citizens read.
 */
export const ALERT_LEVELS = ['take_care', 'caution', 'do_not_travel'] as const;
export type AlertLevel = (typeof ALERT_LEVELS)[number];

export const alertLevelLabels: Record<AlertLevel, string> = {
  take_care: infoMessages.alertLevelTakeCare,
  caution: infoMessages.alertLevelCaution,
  do_not_travel: infoMessages.alertLevelDoNotTravel,
};

/** TDesign theme for the banner/tag: warning for the two milder levels, danger for 暂勿前往. */
export const alertLevelThemes: Record<AlertLevel, 'warning' | 'danger'> = {
  take_care: 'warning',
  caution: 'warning',
  do_not_travel: 'danger',
};

/** TDesign icon beside the label, so the level never rests on colour alone. */
export const alertLevelIcons: Record<AlertLevel, string> = {
  take_care: 'info-circle-filled',
  caution: 'error-triangle-filled',
  do_not_travel: 'close-circle-filled',
};

export function alertSeverity(level: AlertLevel): number {
  return ALERT_LEVELS.indexOf(level);
}

export function isAlertLevel(value: unknown): value is AlertLevel {
  return typeof value === 'string' && (ALERT_LEVELS as readonly string[]).includes(value);
}

/** The alert the home page shows: the most severe, and of those the most recent. */
export function mostSevereAlert<T extends { level: AlertLevel; effectiveFrom: string }>(alerts: readonly T[]): T | null {
  let best: T | null = null;
  for (const alert of alerts) {
    if (
      !best ||
      alertSeverity(alert.level) > alertSeverity(best.level) ||
      (alert.level === best.level && alert.effectiveFrom > best.effectiveFrom)
    ) {
      best = alert;
    }
  }
  return best;
}
