import type { z } from 'zod';
import type { AuditEntryView, UserView } from '@lingxi/contracts';
import type { AuditEntry, User } from './store.ts';

export function presentUser(user: User): UserView {
  return {
    id: user.id,
    workspaceId: user.workspaceId,
    email: user.email,
    name: user.name,
    role: user.role,
    locale: user.locale,
    disabled: user.disabledAt !== null,
    createdAt: user.createdAt.toISOString(),
  };
}

export function presentAuditEntry(entry: AuditEntry): z.infer<typeof AuditEntryView> {
  return {
    id: entry.id,
    at: entry.at.toISOString(),
    actorId: entry.actorId,
    actorEmail: entry.actorEmail,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    detail: (entry.detail ?? {}) as Record<string, unknown>,
    ip: entry.ip,
    userAgent: entry.userAgent,
  };
}
