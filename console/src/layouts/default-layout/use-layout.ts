/** State behind the console frame: menu entries, the current page, the signed-in staff member. */
import { computed, onBeforeUnmount, onMounted, ref } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { toast } from '../../components/toast';
import { ArticleIcon, CalendarIcon, ChartBarIcon, EarthIcon, ErrorCircleIcon, FileSearchIcon, ScanIcon, InstitutionIcon, MoneyIcon, TimeIcon, UserCircleIcon, UsergroupIcon, VerifiedIcon } from 'tdesign-icons-vue-next';
import { routeNames } from '../../router/locations';
import { hasRole } from '../../router/roles';
import type { StaffRole } from '../../api/types';
import { session, signOut } from '../../stores/session';
import { t } from '../../locale/zh-CN';

const NARROW_BELOW_PX = 1280;

/** The side menu; the route name doubles as the menu value. `minRole` hides an entry from lower roles. */
export const menuItems: ReadonlyArray<{ name: string; label: string; icon: unknown; minRole?: StaffRole }> = [
  { name: routeNames.queue, label: t.nav.queue, icon: FileSearchIcon },
  { name: routeNames.interviews, label: t.nav.interviews, icon: CalendarIcon, minRole: 'reviewer' },
  { name: routeNames.appointments, label: t.nav.appointments, icon: ScanIcon, minRole: 'reviewer' },
  { name: routeNames.dashboard, label: t.nav.dashboard, icon: ChartBarIcon, minRole: 'supervisor' },
  { name: routeNames.pension, label: t.nav.pension, icon: TimeIcon },
  { name: routeNames.payments, label: t.nav.payments, icon: MoneyIcon },
  { name: routeNames.registrations, label: t.nav.registrations, icon: EarthIcon },
  { name: routeNames.missions, label: t.nav.missions, icon: InstitutionIcon },
  { name: routeNames.legalization, label: t.nav.legalization, icon: VerifiedIcon, minRole: 'supervisor' },
  { name: routeNames.info, label: t.nav.info, icon: ArticleIcon, minRole: 'supervisor' },
  { name: routeNames.staff, label: t.nav.staff, icon: UsergroupIcon, minRole: 'admin' },
  { name: routeNames.objections, label: t.nav.objections, icon: ErrorCircleIcon, minRole: 'supervisor' },
  { name: routeNames.account, label: t.nav.account, icon: UserCircleIcon },
];

export function useLayout() {
  const route = useRoute();
  const router = useRouter();
  const signingOut = ref(false);
  /** Narrow screens (1024 px laptops): the side menu shows icons only. */
  const narrow = ref(window.innerWidth < NARROW_BELOW_PX);
  const measure = () => (narrow.value = window.innerWidth < NARROW_BELOW_PX);
  onMounted(() => window.addEventListener('resize', measure));
  onBeforeUnmount(() => window.removeEventListener('resize', measure));

  // The application view belongs to the queue's menu entry.
  const activeMenu = computed(() => (route.name === routeNames.application ? routeNames.queue : route.name === routeNames.alertReach ? routeNames.info : String(route.name ?? '')));
  const pageTitle = computed(() => route.meta.title ?? '');

  const staff = computed(() => session.staff);
  const visibleMenuItems = computed(() => menuItems.filter((item) => hasRole(staff.value?.role, item.minRole)));
  const roleLabel = computed(() => (staff.value ? t.roles[staff.value.role] : ''));
  /** Avatar text: the last character reads best for Chinese names, the first for Latin ones. */
  const avatarText = computed(() => {
    const name = staff.value?.displayName.trim() ?? '';
    if (!name) return '';
    return /[\u4e00-\u9fff]/.test(name) ? name.slice(-1) : name.charAt(0).toUpperCase();
  });

  function go(name: string | number) {
    if (name !== route.name) void router.push({ name: String(name) });
  }

  async function logout() {
    signingOut.value = true;
    try {
      await signOut();
      await router.replace({ name: routeNames.login });
    } catch {
      void toast.error(t.header.logoutFailed);
    } finally {
      signingOut.value = false;
    }
  }

  return { visibleMenuItems, activeMenu, pageTitle, staff, roleLabel, avatarText, signingOut, narrow, go, logout };
}
