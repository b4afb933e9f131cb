import { z } from 'zod';
import {
  AgentMessageResponse,
  AssistResponse,
  AssistSettingsResponse,
  CannedResponseListResponse,
  CannedResponseResponse,
  RenderCannedResponse,
  RoutingSettingsResponse,
  TeamResponse,
  type RoutingSettingsView,
  BotTryResponse,
  BotSettingsResponse,
  type UpdateBotSettingsRequest,
  AgentListResponse,
  AgentResponse,
  TeamListResponse,
  OfferListResponse,
  AuditListResponse,
  ConversationDetailResponse,
  ConversationListResponse,
  ConversationResponse,
  DispositionListResponse,
  MentionablePeopleResponse,
  MentionListResponse,
  MentionReadResponse,
  TagListResponse,
  KnowledgeEntryResponse,
  KnowledgeFacetsResponse,
  KnowledgeImportResponse,
  KnowledgeListResponse,
  KnowledgePublishResponse,
  KnowledgeVersionsResponse,
  LoginResponse,
  OkResponse,
  UserListResponse,
  UserResponse,
  type ConversationStatus,
  type Disposition,
  type KnowledgeEntryChanges,
  type KnowledgeEntryInput,
  type KnowledgeListFilter,
  type Role,
} from '@lingxi/contracts';
import type { ApiClient } from './client.ts';

// The console's view of the API: one typed function per route it uses, answers parsed with the shared schemas.

export type PresenceStatus = 'online' | 'away' | 'offline';
/** The inbox list's query (GET /api/v1/conversations): a view plus filters and a search. */
export type InboxQuery = { view?: 'mine' | 'unassigned' | 'team' | 'all'; status?: ConversationStatus; assignee?: string; channel?: string; tag?: string; emotion?: string; q?: string; limit?: number };
export type ResolveOutcome = { disposition?: string; tags?: string[]; note?: string };

export type AgentChange = { capacity?: number; skills?: Record<string, number>; languages?: ('zh-CN' | 'en-US')[]; teamIds?: string[] };
export type CannedDraft = { shortcut: string; title: string; text: { 'zh-CN'?: string; 'en-US'?: string } };
export type TryBotResult = z.infer<typeof BotTryResponse>;

export function lingxiApi(client: ApiClient) {
  return {
    auth: {
      login: (email: string, password: string) => client.request('POST', '/api/v1/auth/login', { body: { email, password }, schema: LoginResponse }),
      logout: () => client.request('POST', '/api/v1/auth/logout', { schema: OkResponse }),
      me: () => client.request('GET', '/api/v1/auth/me', { schema: UserResponse }),
      changePassword: (currentPassword: string, newPassword: string) =>
        client.request('PUT', '/api/v1/auth/password', { body: { currentPassword, newPassword }, schema: OkResponse }),
    },
    presence: {
      mine: () => client.request('GET', '/api/v1/agents/me', { schema: AgentResponse }),
      offers: () => client.request('GET', '/api/v1/agents/me/offers', { schema: OfferListResponse }),
      set: (status: PresenceStatus) => client.request('PUT', '/api/v1/agents/me/presence', { body: { status }, schema: AgentResponse }),
    },
    team: {
      agents: () => client.request('GET', '/api/v1/agents', { schema: AgentListResponse }),
      teams: () => client.request('GET', '/api/v1/teams', { schema: TeamListResponse }),
      createTeam: (name: string) => client.request('POST', '/api/v1/teams', { body: { name }, schema: TeamResponse }),
      updateAgent: (userId: string, change: AgentChange) => client.request('PUT', `/api/v1/agents/${encodeURIComponent(userId)}`, { body: change, schema: AgentResponse }),
    },
    settings: {
      routing: () => client.request('GET', '/api/v1/settings/routing', { schema: RoutingSettingsResponse }),
      saveRouting: (change: Partial<RoutingSettingsView>) => client.request('PUT', '/api/v1/settings/routing', { body: change, schema: RoutingSettingsResponse }),
      assist: () => client.request('GET', '/api/v1/settings/assist', { schema: AssistSettingsResponse }),
      bot: () => client.request('GET', '/api/v1/settings/bot', { schema: BotSettingsResponse }),
      saveBot: (change: UpdateBotSettingsRequest) => client.request('PUT', '/api/v1/settings/bot', { body: change, schema: BotSettingsResponse }),
      saveDispositions: (dispositions: Disposition[]) => client.request('PUT', '/api/v1/settings/dispositions', { body: { dispositions }, schema: DispositionListResponse }),
    },
    assist: {
      forConversation: (id: string, signal?: AbortSignal) => client.request('GET', `/api/v1/conversations/${encodeURIComponent(id)}/assist`, { schema: AssistResponse, signal }),
    },
    canned: {
      list: (q?: string, signal?: AbortSignal) => client.request('GET', '/api/v1/canned-responses', { query: { q }, schema: CannedResponseListResponse, signal }),
      create: (draft: CannedDraft) => client.request('POST', '/api/v1/canned-responses', { body: draft, schema: CannedResponseResponse }),
      update: (id: string, draft: CannedDraft) => client.request('PUT', `/api/v1/canned-responses/${encodeURIComponent(id)}`, { body: draft, schema: CannedResponseResponse }),
      remove: (id: string) => client.request('DELETE', `/api/v1/canned-responses/${encodeURIComponent(id)}`, { schema: OkResponse }),
      render: (id: string, conversationId: string, locale?: 'zh-CN' | 'en-US') =>
        client.request('POST', `/api/v1/canned-responses/${encodeURIComponent(id)}/render`, { body: { conversationId, locale }, schema: RenderCannedResponse }),
    },
    users: {
      list: () => client.request('GET', '/api/v1/users', { schema: UserListResponse }),
      create: (input: { email: string; name: string; password: string; role: Role; locale?: 'zh-CN' | 'en-US' }) =>
        client.request('POST', '/api/v1/users', { body: input, schema: UserResponse }),
    },
    audit: {
      list: (query: { action?: string; before?: string; limit?: number }) => client.request('GET', '/api/v1/audit', { query, schema: AuditListResponse }),
    },
    conversations: {
      list: (query: InboxQuery, signal?: AbortSignal) =>
        client.request('GET', '/api/v1/conversations', { query, schema: ConversationListResponse, signal }),
      get: (id: string, signal?: AbortSignal) => client.request('GET', `/api/v1/conversations/${encodeURIComponent(id)}`, { schema: ConversationDetailResponse, signal }),
      reply: (id: string, text: string, isPrivate: boolean, attachments: readonly string[] = []) =>
        client.request('POST', `/api/v1/conversations/${encodeURIComponent(id)}/messages`, { body: { text, private: isPrivate, ...(attachments.length ? { attachments } : {}) }, schema: AgentMessageResponse }),
      accept: (id: string) => client.request('POST', `/api/v1/conversations/${encodeURIComponent(id)}/accept`, { schema: ConversationResponse }),
      resolve: (id: string, outcome?: ResolveOutcome) =>
        client.request('POST', `/api/v1/conversations/${encodeURIComponent(id)}/resolve`, { ...(outcome ? { body: outcome } : {}), schema: ConversationResponse }),
      setTags: (id: string, tags: string[]) => client.request('PUT', `/api/v1/conversations/${encodeURIComponent(id)}/tags`, { body: { tags }, schema: ConversationResponse }),
      transfer: (id: string, target: { toAgentId?: string; toTeamId?: string; note?: string }) =>
        client.request('POST', `/api/v1/conversations/${encodeURIComponent(id)}/transfer`, { body: target, schema: ConversationResponse }),
      reassign: (id: string, agentId: string) => client.request('POST', `/api/v1/conversations/${encodeURIComponent(id)}/reassign`, { body: { agentId }, schema: ConversationResponse }),
      join: (id: string) => client.request('POST', `/api/v1/conversations/${encodeURIComponent(id)}/join`, { schema: z.object({ conversation: ConversationResponse.shape.conversation, message: AgentMessageResponse.shape.message.nullable() }) }),
    },
    inbox: {
      tags: (signal?: AbortSignal) => client.request('GET', '/api/v1/tags', { schema: TagListResponse, signal }),
      dispositions: (signal?: AbortSignal) => client.request('GET', '/api/v1/dispositions', { schema: DispositionListResponse, signal }),
      people: (signal?: AbortSignal) => client.request('GET', '/api/v1/mentions/people', { schema: MentionablePeopleResponse, signal }),
      mentions: (query: { unread?: 'true' | 'false'; limit?: number } = {}, signal?: AbortSignal) => client.request('GET', '/api/v1/mentions', { query, schema: MentionListResponse, signal }),
      markMentionsRead: (read: { ids?: string[]; all?: boolean }) => client.request('POST', '/api/v1/mentions/read', { body: read, schema: MentionReadResponse }),
    },
    knowledge: {
      list: (query: KnowledgeListFilter, signal?: AbortSignal) => client.request('GET', '/api/v1/knowledge/entries', { query, schema: KnowledgeListResponse, signal }),
      /** The categories and tags in use, most used first: the list's filter choices. */
      facets: (signal?: AbortSignal) => client.request('GET', '/api/v1/knowledge/facets', { schema: KnowledgeFacetsResponse, signal }),
      get: (id: string) => client.request('GET', `/api/v1/knowledge/entries/${encodeURIComponent(id)}`, { schema: KnowledgeEntryResponse }),
      create: (input: KnowledgeEntryInput) => client.request('POST', '/api/v1/knowledge/entries', { body: input, schema: KnowledgeEntryResponse }),
      update: (id: string, input: KnowledgeEntryChanges) =>
        client.request('PATCH', `/api/v1/knowledge/entries/${encodeURIComponent(id)}`, { body: input, schema: KnowledgeEntryResponse }),
      publishEntry: (id: string) => client.request('POST', `/api/v1/knowledge/entries/${encodeURIComponent(id)}/publish`, { schema: KnowledgeEntryResponse }),
      archive: (id: string) => client.request('DELETE', `/api/v1/knowledge/entries/${encodeURIComponent(id)}`, { schema: KnowledgeEntryResponse }),
      versions: (id: string) => client.request('GET', `/api/v1/knowledge/entries/${encodeURIComponent(id)}/versions`, { schema: KnowledgeVersionsResponse }),
      restore: (id: string, version: number) =>
        client.request('POST', `/api/v1/knowledge/entries/${encodeURIComponent(id)}/versions/${version}/restore`, { schema: KnowledgeEntryResponse }),
      publish: () => client.request('POST', '/api/v1/knowledge/publish', { schema: KnowledgePublishResponse }),
      model: () => client.request('GET', '/api/v1/knowledge/model', { schema: KnowledgePublishResponse }),
      importLines: (text: string) =>
        client.request('POST', '/api/v1/knowledge/import', { rawBody: { text, contentType: 'application/x-ndjson' }, schema: KnowledgeImportResponse }),
      tryBot: (text: string, locale: string) => client.request('POST', '/api/v1/bot/try', { body: { text, locale }, schema: BotTryResponse }),
    },
  };
}

export type LingxiApi = ReturnType<typeof lingxiApi>;
