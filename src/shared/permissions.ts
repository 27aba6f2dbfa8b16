/**
 * Roles and what they may do. Main enforces this table on every call; the renderer reads it only
 * to hide what a user cannot use (courtesy, not security).
 */
export const ROLES = ['administrator', 'coordinator', 'medical', 'warehouse', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'registry.read',
  'registry.manage',
  'users.manage',
  'settings.manage',
  'audit.read',
  'people.read',
  'people.manage',
  /** See a full document or phone number (every reveal is audited); lists always mask them. */
  'personal.reveal',
  /** Temperature readings, fever re-checks and the transfer of a fever case to hospital. */
  'health.record',
  'roster.read',
  'roster.manage',
  'stock.read',
  'stock.manage',
  /**
   * The end of the epidemic: export the district's archive and purge personal data past the
   * retention period. Administrators only; the archive also needs `personal.reveal`.
   */
  'privacy.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/**
 * Who may call a method: anyone (before sign-in), any signed-in user, or holders of a permission.
 * `session` calls still work on a locked session only where the router says so (unlock, logout).
 */
export type Access = 'public' | 'session' | Permission;

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  administrator: [
    'registry.read',
    'users.manage',
    'settings.manage',
    'audit.read',
    'privacy.manage',
  ],
  coordinator: [
    'registry.read',
    'registry.manage',
    'people.read',
    'people.manage',
    'personal.reveal',
    'health.record',
    'roster.read',
    'roster.manage',
    'stock.read',
    'stock.manage',
  ],
  medical: ['registry.read', 'people.read', 'health.record', 'roster.read'],
  warehouse: ['registry.read', 'roster.read', 'stock.read', 'stock.manage'],
  viewer: ['registry.read', 'people.read', 'roster.read', 'stock.read'],
};

export function permissionsOf(roles: readonly Role[]): Permission[] {
  return PERMISSIONS.filter((p) => roles.some((r) => ROLE_PERMISSIONS[r].includes(p)));
}

export function mayCall(access: Access, roles: readonly Role[] | null): boolean {
  if (access === 'public') return true;
  if (roles === null) return false;
  if (access === 'session') return true;
  return roles.some((r) => ROLE_PERMISSIONS[r].includes(access));
}

/** Whether prints and reveals may show a personal number in full for these roles. */
export const mayRevealPersonalNumbers = (roles: readonly Role[]): boolean =>
  mayCall('personal.reveal', roles);
