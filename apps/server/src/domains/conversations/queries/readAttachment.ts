import type { Readable } from 'node:stream';
import type { DomainError } from '../../../platform/errors.ts';
import { attachmentErrors } from '../attachmentErrors.ts';
import { attachmentStore, type Attachment } from '../attachmentStore.ts';
import type { AttachmentDeps } from '../commands/uploadAttachment.ts';

/** Who asks: the customer of one conversation, or an agent of the workspace. */
export type AttachmentViewer = { kind: 'customer'; workspaceId: string; conversationId: string; contactId: string } | { kind: 'agent'; workspaceId: string };

/**
 * An attachment's bytes for someone who may see them. A customer sees the files of their own
 * conversation: their own uploads and what is on messages sent to them (never a private note's, never an
 * agent's unsent upload). Anything else is "not found", so ids reveal nothing.
 */
export async function readAttachment(deps: Pick<AttachmentDeps, 'db' | 'blobs'>, input: { id: string; viewer: AttachmentViewer }): Promise<{ attachment: Attachment; bytes: Readable } | DomainError> {
  const { viewer } = input;
  const attachment = await attachmentStore.byId(deps.db.sql, viewer.workspaceId, input.id);
  if (!attachment) return attachmentErrors.notFound(input.id);
  if (viewer.kind === 'customer') {
    if (attachment.conversationId !== viewer.conversationId) return attachmentErrors.notFound(input.id);
    const own = attachment.uploaderKind === 'customer' && attachment.uploaderId === viewer.contactId;
    const sentToThem = attachment.messageId !== null && !(await attachmentStore.onPrivateMessage(deps.db.sql, viewer.workspaceId, attachment.messageId));
    if (!own && !sentToThem) return attachmentErrors.notFound(input.id);
  }
  const bytes = await deps.blobs.read(attachment.storageKey);
  if (!bytes) return attachmentErrors.gone(input.id);
  return { attachment, bytes };
}
