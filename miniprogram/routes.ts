/** Page paths in one place, so a moved page breaks the type-check, not a tap. */
export const ROUTES = {
  home: '/pages/home/index',
  identityForm: '/packages/identity/form/index',
  missionPicker: '/packages/mission/picker/index',
} as const;
