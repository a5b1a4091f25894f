/** Travel alerts as the info pages render them: the level as words and an icon, never colour alone. */
import { alertLevelIcons, alertLevelLabels, alertLevelThemes, AlertLevel } from '../../domain/alert-levels';
import type { TravelAlert } from '../../domain/info-api-types';
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

export function toAlertRow(alert: TravelAlert, countryNames: Record<string, string> = {}): AlertRow {
  return {
    id: alert.id,
    countryCode: alert.countryCode,
    country: countryNames[alert.countryCode] ?? alert.countryCode,
    level: alert.level,
    label: alertLevelLabels[alert.level],
    icon: alertLevelIcons[alert.level],
    theme: alertLevelThemes[alert.level],
    title: alert.title,
    body: alert.body,
    from: formatDate(alert.effectiveFrom),
    until: alert.effectiveUntil ? formatDate(alert.effectiveUntil) : text.alert.untilOpen,
  };
}

export const levelLegend = text.alerts.levels.map(({ level, description }) => ({
  level,
  description,
  label: alertLevelLabels[level as AlertLevel],
  icon: alertLevelIcons[level as AlertLevel],
  theme: alertLevelThemes[level as AlertLevel],
}));
