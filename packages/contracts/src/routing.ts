import { z } from 'zod';

export const PresenceStatus = z.enum(['online', 'away', 'offline']);
export type PresenceStatus = z.infer<typeof PresenceStatus>;

export const SetPresenceRequest = z.object({ status: PresenceStatus });

const SkillName = z.string().trim().min(1).max(40);
export const AgentView = z.object({
  userId: z.string().uuid(),
  name: z.string(),
  email: z.string(),
  role: z.enum(['admin', 'supervisor', 'agent']),
  status: PresenceStatus,
  statusChangedAt: z.string().datetime().nullable(),
  capacity: z.number().int(),
  activeConversations: z.number().int(),
  skills: z.record(z.string(), z.number().int().min(1).max(5)).describe('skill → level 1..5'),
  languages: z.array(z.string()),
  teamIds: z.array(z.string().uuid()),
  lastAssignedAt: z.string().datetime().nullable(),
});
export type AgentView = z.infer<typeof AgentView>;
export const AgentResponse = z.object({ agent: AgentView });
export const AgentListResponse = z.object({ agents: z.array(AgentView) });

export const UpdateAgentRequest = z
  .object({
    capacity: z.number().int().min(0, 'must be 0 or more').max(50, 'must be at most 50').optional(),
    skills: z.record(SkillName, z.number().int().min(1, 'levels are 1..5').max(5, 'levels are 1..5')).optional(),
    languages: z.array(z.enum(['zh-CN', 'en-US'])).max(5).optional(),
    teamIds: z.array(z.string().uuid('must be team ids')).max(20).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'give at least one of capacity, skills, languages, teamIds' });

export const TeamView = z.object({ id: z.string().uuid(), name: z.string(), createdAt: z.string().datetime() });
export const CreateTeamRequest = z.object({ name: z.string().trim().min(1, 'is required').max(60) });
export const TeamResponse = z.object({ team: TeamView });
export const TeamListResponse = z.object({ teams: z.array(TeamView) });

export const OfferView = z.object({ conversationId: z.string().uuid(), offeredAt: z.string().datetime(), expiresAt: z.string().datetime() });
export const OfferListResponse = z.object({ offers: z.array(OfferView) });
