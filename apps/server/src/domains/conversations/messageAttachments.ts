import type { DomainError, Problem } from '../../platform/errors.ts';
import type { Executor } from '../../platform/db/index.ts';
import { attachmentErrors } from './attachmentErrors.ts';
import { attachmentStore, summaryOf, type AttachmentSummary } from './attachmentStore.ts';

export type Uploader = { kind: 'customer' | 'agent'; id: string };

/**
 * The attachments a new message carries, checked and locked in the message's transaction: each was
 * uploaded to this conversation by the sender and is on no other message. Every problem is listed.
 */
export async function claimAttachments(tx: Executor, input: { workspaceId: string; conversationId: string; ids: string[]; sender: Uploader }): Promise<AttachmentSummary[] | DomainError> {
  const rows = await attachmentStore.lockForMessage(tx, input.workspaceId, input.conversationId, [...new Set(input.ids)]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const problems: Problem[] = [];
  input.ids.forEach((id, i) => {
    const row = byId.get(id);
    const path = `body.attachments.${i}`;
    if (input.ids.indexOf(id) !== i) problems.push({ path, message: 'is listed twice' });
    else if (!row) problems.push({ path, message: 'is not an attachment uploaded to this conversation' });
    else if (row.uploaderKind !== input.sender.kind || row.uploaderId !== input.sender.id) problems.push({ path, message: 'was uploaded by someone else' });
    else if (row.messageId) problems.push({ path, message: 'is already on another message' });
  });
  if (problems.length > 0) return attachmentErrors.notUsable(problems);
  return input.ids.map((id) => summaryOf(byId.get(id)!));
}

/** Marks the claimed attachments as this message's (in the same transaction as the message). */
export async function linkAttachments(tx: Executor, workspaceId: string, attachments: AttachmentSummary[], messageId: string): Promise<void> {
  if (attachments.length > 0) await attachmentStore.link(tx, workspaceId, attachments.map((a) => a.id), messageId);
}
