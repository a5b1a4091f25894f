/**
 * Route names and the places login sends staff to. Kept apart from the router, which
 * imports the pages: pages importing the router back would be a cycle that leaves these
 * constants undefined while modules load.
 */

/** The subset of vue-router's RouteLocationRaw we build. Declared here rather than imported
 *  so the node-side unit tests (CommonJS) can load this file without vue-router's ESM types. */
export type ConsoleLocation = string | { name: string; query?: Record<string, string> };

export const routeNames = {
  login: 'login',
  missions: 'missions',
  account: 'account',
  legalization: 'legalization',
  info: 'info',
  queue: 'queue',
  application: 'application',
  payments: 'payments',
  interviews: 'interviews',
  appointments: 'appointments',
  staff: 'staff',
  dashboard: 'dashboard',
  registrations: 'registrations',
  alertReach: 'alert-reach',
  pension: 'pension',
  objections: 'objections',
} as const;

/** The login page, remembering where to return (not for the home page: that is the default). */
export function loginRedirect(from: string): ConsoleLocation {
  return from && from !== '/' ? { name: routeNames.login, query: { redirect: from } } : { name: routeNames.login };
}

/** Where to go after signing in: the page the login was for, if it is one of ours. */
export function afterLoginTarget(redirect: unknown): ConsoleLocation {
  // Only in-app paths, so a crafted link cannot send staff elsewhere after login.
  if (typeof redirect === 'string' && redirect.startsWith('/') && !redirect.startsWith('//')) return redirect;
  return { name: routeNames.missions };
}
