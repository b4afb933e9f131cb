import { z } from 'zod';

export const Role = z.enum(['admin', 'supervisor', 'agent']);
export type Role = z.infer<typeof Role>;

export const Email = z.string().trim().toLowerCase().email('must be an email address').max(254);
export const Password = z.string().min(8, 'must be at least 8 characters').max(256);

export const UserView = z.object({
  id: z.string().uuid(),
  workspaceId: z.string().uuid(),
  email: z.string(),
  name: z.string(),
  role: Role,
  locale: z.string(),
  disabled: z.boolean(),
  createdAt: z.string().datetime(),
});
export type UserView = z.infer<typeof UserView>;

export const LoginRequest = z.object({ email: Email, password: z.string().min(1, 'is required').max(256) });
export const LoginResponse = z.object({ token: z.string(), expiresAt: z.string().datetime(), user: UserView });

export const CreateUserRequest = z.object({
  email: Email,
  name: z.string().trim().min(1, 'is required').max(100),
  password: Password,
  role: Role,
  locale: z.enum(['zh-CN', 'en-US']).optional(),
});
export const UserResponse = z.object({ user: UserView });
export const UserListResponse = z.object({ users: z.array(UserView) });

export const ChangePasswordRequest = z.object({ currentPassword: z.string().min(1, 'is required'), newPassword: Password });

export const AuditEntryView = z.object({
  id: z.string().uuid(),
  at: z.string().datetime(),
  actorId: z.string().uuid().nullable(),
  actorEmail: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
});
export const AuditQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.string().uuid().optional().describe('Return entries older than this entry id (paging)'),
  action: z.string().max(100).optional(),
});
export const AuditListResponse = z.object({ entries: z.array(AuditEntryView), nextBefore: z.string().uuid().nullable() });
