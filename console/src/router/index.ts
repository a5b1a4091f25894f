/**
 * Hash routing: /console/#/missions. The server then needs no SPA fallback and the
 * console works from any static host under /console/.
 */
import { createRouter, createWebHashHistory } from 'vue-router';
import DefaultLayout from '../layouts/default-layout/index.vue';
import LoginPage from '../pages/login/index.vue';
import { ensureSessionChecked } from '../stores/session';
import { t } from '../locale/zh-CN';
import { loginRedirect, routeNames } from './locations';
import { hasRole } from './roles';
import { toast } from '../components/toast';
import type { StaffRole } from '../api/types';

declare module 'vue-router' {
  interface RouteMeta {
    /** Page title for the header and the browser tab. */
    title?: string;
    /** Pages anyone may open; everything else needs a signed-in staff member. */
    public?: boolean;
    /** The lowest role that may open the page (its menu entry is hidden from others). */
    minRole?: StaffRole;
  }
}


export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/login', name: routeNames.login, component: LoginPage, meta: { public: true, title: t.login.title } },
    {
      path: '/',
      component: DefaultLayout,
      redirect: { name: routeNames.missions },
      children: [
        {
          path: 'missions',
          name: routeNames.missions,
          component: () => import('../pages/missions/index.vue'),
          meta: { title: t.missions.title },
        },
        {
          path: 'account',
          name: routeNames.account,
          component: () => import('../pages/account/index.vue'),
          meta: { title: t.account.title },
        },
        {
          path: 'legalization',
          name: routeNames.legalization,
          component: () => import('../pages/legalization/index.vue'),
          // Supervisors may look records up; importing, adding and revoking are for admins.
          meta: { title: t.legalization.title, minRole: 'supervisor' },
        },
        {
          path: 'info',
          name: routeNames.info,
          component: () => import('../pages/info/index.vue'),
          meta: { title: t.info.title, minRole: 'supervisor' },
        },
        {
          path: 'queue',
          name: routeNames.queue,
          component: () => import('../pages/queue/index.vue'),
          meta: { title: t.review.queueTitle },
        },
        {
          path: 'applications/:id',
          name: routeNames.application,
          component: () => import('../pages/application/index.vue'),
          meta: { title: t.review.applicationTitle },
        },
        {
          path: 'payments',
          name: routeNames.payments,
          component: () => import('../pages/payments/index.vue'),
          // Everyone reads fees and reconciliation; editing and running are for supervisors (checked on the server too).
          meta: { title: t.payments.title },
        },
        {
          path: 'dashboard',
          name: routeNames.dashboard,
          component: () => import('../pages/dashboard/index.vue'),
          meta: { title: t.dashboard.title, minRole: 'supervisor' },
        },
        {
          path: 'staff',
          name: routeNames.staff,
          component: () => import('../pages/staff/index.vue'),
          meta: { title: t.staffAdmin.title, minRole: 'admin' },
        },
        {
          path: 'interviews',
          name: routeNames.interviews,
          component: () => import('../pages/interviews/index.vue'),
          meta: { title: t.interviews.title, minRole: 'reviewer' },
        },
        {
          path: 'appointments',
          name: routeNames.appointments,
          component: () => import('../pages/appointments/index.vue'),
          meta: { title: t.appointments.title, minRole: 'reviewer' },
        },
        {
          path: 'registrations',
          name: routeNames.registrations,
          component: () => import('../pages/registrations/index.vue'),
          meta: { title: t.registrations.title },
        },
        {
          path: 'registrations/alerts/:id',
          name: routeNames.alertReach,
          component: () => import('../pages/registrations/alert-reach.vue'),
          meta: { title: t.registrations.reach.title },
        },
        {
          path: 'pension',
          name: routeNames.pension,
          component: () => import('../pages/pension/index.vue'),
          meta: { title: t.pension.title },
        },
        {
          path: 'objections',
          name: routeNames.objections,
          component: () => import('../pages/objections/index.vue'),
          meta: { title: t.objections.title, minRole: 'supervisor' },
        },
      ],
    },
    // An old bookmark or a typo lands on the home page rather than a blank screen.
    { path: '/:unknown(.*)*', redirect: { name: routeNames.missions } },
  ],
});

router.beforeEach(async (to) => {
  const staff = await ensureSessionChecked();
  if (!to.meta.public && !staff) return loginRedirect(to.fullPath);
  if (to.name === routeNames.login && staff) return { name: routeNames.missions };
  if (staff && !hasRole(staff.role, to.meta.minRole)) return { name: routeNames.missions };
  // An admin-issued password is changed before any work (the server refuses the rest anyway).
  if (staff?.mustChangePassword && !to.meta.public && to.name !== routeNames.account) return { name: routeNames.account };
  return true;
});

router.afterEach((to, from) => {
  document.title = t.app.documentTitle(to.meta.title);
  // A message belongs to the page it was said on (下一份 keeps "已办理" in view).
  if (to.name !== from.name) toast.clear();
});
