import { extractEntities } from '@lingxi/nlu';
import type { DomainError } from '../../../platform/errors.ts';
import { userStore } from '../../accounts/index.ts';
import { assistContext } from '../../conversations/index.ts';
import type { AssistDeps } from '../deps.ts';
import { assistErrors } from '../errors.ts';
import { renderTemplate } from '../model.ts';
import { cannedStore } from '../store.ts';

type Locale = 'zh-CN' | 'en-US';

/**
 * A canned response with its variables filled from the conversation: {{customer.name}}, {{customer.email}},
 * {{customer.phone}}, {{agent.name}} (the caller), {{order.number}} (the latest order number the customer wrote).
 */
export async function renderCanned(deps: AssistDeps, input: { workspaceId: string; userId: string; id: string; conversationId: string; locale?: Locale | undefined }): Promise<{ text: string; locale: Locale; missing: string[] } | DomainError> {
  const canned = await cannedStore.byId(deps.db.sql, input.workspaceId, input.id);
  if (!canned) return assistErrors.cannedNotFound(input.id);
  const context = await assistContext(deps.db.sql, input.workspaceId, input.conversationId);
  if (!context) return assistErrors.conversationNotFound(input.conversationId, 'body.conversationId');
  const preferred: Locale = input.locale ?? (context.locale?.startsWith('en') ? 'en-US' : 'zh-CN');
  const locale: Locale | null = canned.texts[preferred] ? preferred : input.locale ? null : preferred === 'zh-CN' ? 'en-US' : 'zh-CN';
  if (!locale || !canned.texts[locale]) return assistErrors.noTextInLocale(preferred);
  const agent = await userStore.byId(deps.db.sql, input.workspaceId, input.userId);
  const orderNumber = context.customerMessages.flatMap((m) => extractEntities(m.text).filter((e) => e.type === 'order_number').map((e) => e.value))[0] ?? null;
  const rendered = renderTemplate(canned.texts[locale]!, {
    'customer.name': context.contact.name,
    'customer.email': context.contact.email,
    'customer.phone': context.contact.phone,
    'agent.name': agent?.name ?? null,
    'order.number': orderNumber,
  });
  return { ...rendered, locale };
}
