/** The account page's rows, derived from the signed-in staff member. */
import { computed } from 'vue';
import { session } from '../../stores/session';
import { t } from '../../locale/zh-CN';

export function useAccount() {
  const staff = computed(() => session.staff);

  const rows = computed(() => {
    const s = staff.value;
    if (!s) return [];
    const labels = t.account;
    return [
      { label: labels.displayName, content: s.displayName },
      { label: labels.username, content: s.username },
      { label: labels.role, content: t.roles[s.role] },
      { label: labels.mission, content: s.mission.nameZh },
      { label: labels.missionCity, content: `${s.mission.countryZh} · ${s.mission.cityZh}` },
      { label: labels.missionPhone, content: s.mission.phone },
    ];
  });

  return { staff, rows };
}
