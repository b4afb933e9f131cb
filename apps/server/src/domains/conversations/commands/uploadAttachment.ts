import { createHash } from 'node:crypto';
import type { Blobs } from '../../../platform/blobs.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db/index.ts';
import type { DomainError } from '../../../platform/errors.ts';
import type { Ids } from '../../../platform/ids.ts';
import type { UploadedFile } from '../../../platform/route.ts';
import { attachmentErrors } from '../attachmentErrors.ts';
import { attachmentStore, type Attachment } from '../attachmentStore.ts';
import { cleanFileName, sniffAttachmentType } from '../attachmentTypes.ts';
import { conversationErrors } from '../errors.ts';
import { stripImageMetadata } from '../imageMetadata.ts';
import type { Uploader } from '../messageAttachments.ts';
import { conversationStore } from '../store.ts';

export const ATTACHMENTS_PER_CONVERSATION = 200;

export type AttachmentDeps = { db: Database; ids: Ids; clock: Clock; blobs: Blobs; maxBytes: number };

/**
 * A file for a message still to be sent: its size and type checked (the type from its bytes, not its
 * name or header), image metadata stripped, the bytes stored durably, then the row. The message carrying it comes after.
 */
export async function uploadAttachment(
  deps: AttachmentDeps,
  input: { workspaceId: string; conversationId: string; uploader: Uploader; file: UploadedFile | null },
): Promise<Attachment | DomainError> {
  const file = input.file;
  if (!file) return attachmentErrors.missing();
  if (file.truncated || file.bytes.length > deps.maxBytes) return attachmentErrors.tooLarge(deps.maxBytes);
  if (file.bytes.length === 0) return attachmentErrors.empty();
  const type = sniffAttachmentType(file.bytes, file.filename);
  if (!type) return attachmentErrors.typeNotAllowed(file.contentType);
  // Photos carry GPS and camera data; none of it is kept (the orientation is).
  const bytes = stripImageMetadata(file.bytes, type.contentType).bytes;
  const conversation = await conversationStore.byId(deps.db.sql, input.workspaceId, input.conversationId);
  if (!conversation) return conversationErrors.notFound(input.conversationId);
  if (conversation.status === 'closed') return conversationErrors.closed();
  // A bound on what one conversation can put on disk.
  if ((await attachmentStore.countInConversation(deps.db.sql, input.workspaceId, input.conversationId)) >= ATTACHMENTS_PER_CONVERSATION) return attachmentErrors.tooMany(ATTACHMENTS_PER_CONVERSATION);
  const id = deps.ids.next();
  const now = deps.clock.now();
  // Spread by workspace and month so no one directory grows without bound.
  const storageKey = `${input.workspaceId}/${now.toISOString().slice(0, 7)}/${id}`;
  await deps.blobs.put(storageKey, bytes);
  try {
    return await attachmentStore.insert(deps.db.sql, {
      id,
      workspaceId: input.workspaceId,
      conversationId: input.conversationId,
      uploaderKind: input.uploader.kind,
      uploaderId: input.uploader.id,
      name: cleanFileName(file.filename, type.contentType),
      contentType: type.contentType,
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      storageKey,
      createdAt: now,
    });
  } catch (error) {
    await deps.blobs.remove(storageKey).catch(() => undefined);
    throw error;
  }
}
