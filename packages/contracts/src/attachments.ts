import { z } from 'zod';

// Files on messages: uploaded first (multipart/form-data, field `file`), then sent by id with a message.

/** An attachment as it leaves the server; `url` downloads it with the same token (or console cookie). */
export const AttachmentView = z.object({
  id: z.string().uuid(),
  name: z.string(),
  contentType: z.string(),
  size: z.number().int().nonnegative(),
  url: z.string(),
});
export type AttachmentView = z.infer<typeof AttachmentView>;

export const AttachmentUploadResponse = z.object({ attachment: AttachmentView });

/** The ids of uploaded attachments a message carries (at most 10). */
export const AttachmentIds = z.array(z.string().uuid('must be an attachment id')).max(10, 'at most 10 attachments per message');

export const AttachmentParams = z.object({ id: z.string().uuid('must be an attachment id') });

/**
 * What a message needs: some text, or at least one attachment. Checked even when other fields are
 * wrong (`when`), so one answer lists every problem.
 */
export function requireTextOrAttachments<S extends z.ZodType>(schema: S) {
  return schema.refine(
    (v: unknown) => {
      if (typeof v !== 'object' || v === null) return true;
      const { text, attachments } = v as { text?: unknown; attachments?: unknown };
      // A text of the wrong type is reported by its own field.
      return typeof text !== 'string' || text.trim() !== '' || (Array.isArray(attachments) && attachments.length > 0);
    },
    { path: ['text'], message: 'must not be empty (unless the message carries attachments)', when: () => true },
  );
}
