/** Travel alerts as the info pages render them: the level as words and an icon, never colour alone. */
import { ALERT_LEVELS, alertLevelIcons, alertLevelThemes, AlertLevel } from '../../domain/alert-levels';
import type { TravelAlert } from '../../domain/info-api-types';
import { t } from '../../locale/text';
import { formatDate } from '../../utils/format';
import { text } from './text';

export interface AlertRow {
  id: string;
  countryCode: string;
  country: string;
  level: AlertLevel;
  label: string;
  icon: string;
  theme: string;
  title: string;
  body: string;
  from: string;
  until: string;
}

/** The level in words in the current language (the main catalogue's, which the home banner shows too). */
const levelLabel = (level: AlertLevel) => t.alertBanner.levels[level];

export function toAlertRow(alert: TravelAlert, countryNames: Record<string, string> = {}): AlertRow {
  return {
    id: alert.id,
    countryCode: alert.countryCode,
    country: countryNames[alert.countryCode] ?? alert.countryCode,
    level: alert.level,
    label: levelLabel(alert.level),
    icon: alertLevelIcons[alert.level],
    theme: alertLevelThemes[alert.level],
    title: alert.title,
    body: alert.body,
    from: formatDate(alert.effectiveFrom),
    until: alert.effectiveUntil ? formatDate(alert.effectiveUntil) : text.alert.untilOpen,
  };
}

/** What each level means, mildest first, in the current language. */
export function levelLegend() {
  return ALERT_LEVELS.map((level) => ({
    level,
    description: text.alerts.levels[level],
    label: levelLabel(level),
    icon: alertLevelIcons[level],
    theme: alertLevelThemes[level],
  }));
}
