import type { Role } from '@lingxi/contracts';

// What each role may do. Routes name a permission; nothing is allowed by URL prefix.
export const permissions = [
  'account:self',
  'users:read',
  'users:manage',
  'audit:read',
  'conversations:read',
  'conversations:reply',
  'conversations:supervise',
  'knowledge:read',
  'knowledge:manage',
  'analytics:read',
  'analytics:manage',
  'settings:manage',
] as const;
export type Permission = (typeof permissions)[number];

const grants: Record<Role, readonly Permission[]> = {
  admin: permissions,
  supervisor: ['account:self', 'users:read', 'conversations:read', 'conversations:reply', 'conversations:supervise', 'knowledge:read', 'knowledge:manage', 'analytics:read', 'analytics:manage'],
  agent: ['account:self', 'conversations:read', 'conversations:reply', 'knowledge:read'],
};

export function can(role: Role, permission: string): boolean {
  return (grants[role] as readonly string[]).includes(permission);
}

export function isPermission(value: string): value is Permission {
  return (permissions as readonly string[]).includes(value);
}

export function sessionExpiry(now: Date, ttlHours: number): Date {
  return new Date(now.getTime() + ttlHours * 3_600_000);
}

/** Brute-force guard: this many wrong passwords for one account within the window pause its logins. */
export const loginThrottle = { maxFailures: 10, windowMinutes: 15 } as const;
