import { z } from 'zod';
import { AttachmentParams, AttachmentUploadResponse, IdParams } from '@lingxi/contracts';
import { DomainFailure, orThrow } from '../../platform/errors.ts';
import { RawReply, route } from '../../platform/route.ts';
import { userOf } from '../accounts/index.ts';
import { ALLOWED_LABELS } from './attachmentTypes.ts';
import { uploadAttachment, type AttachmentDeps } from './commands/uploadAttachment.ts';
import { conversationErrors } from './errors.ts';
import { presentAttachment } from './present.ts';
import { readAttachment, type AttachmentViewer } from './queries/readAttachment.ts';

/** What the OpenAPI document shows as the upload's body (the mount reads the file itself). */
const UploadBody = z.object({ file: z.string().meta({ format: 'binary', description: `The file: ${ALLOWED_LABELS.join(', ')}` }) });
const multipart = ['multipart/form-data'];

/** Upload a file for a message (customers and agents), and download one (whoever may see its conversation). */
export function attachmentRoutes(deps: AttachmentDeps) {
  const limit = `at most ${deps.maxBytes} bytes; ${ALLOWED_LABELS.join(', ')}, checked by content`;
  return [
    route({
      method: 'POST', url: '/api/public/v1/attachments', tags: ['customer'], policy: 'customer',
      summary: `Upload a file (multipart/form-data, part \`file\`, ${limit}) to send with the next message: POST /messages with its id in \`attachments\``,
      consumes: multipart, upload: { maxBytes: deps.maxBytes }, body: UploadBody, status: 201, response: AttachmentUploadResponse,
      async handler(ctx) {
        if (ctx.principal.kind !== 'customer') throw new DomainFailure(conversationErrors.sessionUnknown());
        const { workspaceId, conversationId, contactId } = ctx.principal;
        const attachment = orThrow(await uploadAttachment(deps, { workspaceId, conversationId, uploader: { kind: 'customer', id: contactId }, file: ctx.file }));
        ctx.setStatus(201);
        return { attachment: presentAttachment(attachment) };
      },
    }),
    route({
      method: 'POST', url: '/api/v1/conversations/:id/attachments', tags: ['conversations'], policy: 'conversations:reply',
      summary: `Upload a file (multipart/form-data, part \`file\`, ${limit}) to send with a reply or note: POST …/messages with its id in \`attachments\``,
      params: IdParams, consumes: multipart, upload: { maxBytes: deps.maxBytes }, body: UploadBody, status: 201, response: AttachmentUploadResponse,
      async handler(ctx) {
        const user = userOf(ctx.principal);
        const attachment = orThrow(await uploadAttachment(deps, { workspaceId: user.workspaceId, conversationId: ctx.params.id, uploader: { kind: 'agent', id: user.userId }, file: ctx.file }));
        ctx.setStatus(201);
        return { attachment: presentAttachment(attachment) };
      },
    }),
    route({
      method: 'GET', url: '/api/public/v1/attachments/:id', tags: ['customer', 'conversations'], policy: 'customer|conversations:read',
      summary: 'Download an attachment: the customer of its conversation (session token) or an agent of the workspace (token or console cookie). Images inline, other files as downloads',
      params: AttachmentParams, produces: ['application/octet-stream', 'application/json'], response: z.string().meta({ format: 'binary', description: 'The file, with its own Content-Type' }),
      async handler(ctx) {
        const p = ctx.principal;
        const viewer: AttachmentViewer =
          p.kind === 'customer' ? { kind: 'customer', workspaceId: p.workspaceId, conversationId: p.conversationId, contactId: p.contactId } : { kind: 'agent', workspaceId: userOf(p).workspaceId };
        const { attachment, bytes } = orThrow(await readAttachment(deps, { id: ctx.params.id, viewer }));
        // Text was checked to be UTF-8 on upload: say so, so no browser guesses another charset.
        const type = attachment.contentType.startsWith('text/') ? `${attachment.contentType}; charset=utf-8` : attachment.contentType;
        return new RawReply(bytes, type, attachment.name, {
          inline: attachment.contentType.startsWith('image/'),
          headers: {
            'content-length': String(attachment.size),
            'x-content-type-options': 'nosniff',
            // A file is never a page: no scripts, no plugins, even if a browser were talked into rendering it.
            'content-security-policy': "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
            'cross-origin-resource-policy': 'same-origin',
            'cache-control': 'private, max-age=3600',
            etag: `"${attachment.sha256}"`,
          },
        });
      },
    }),
  ];
}
