import { domainError } from '../../platform/errors.ts';

export const routingErrors = {
  agentNotFound: (id: string) => domainError('AGENT_NOT_FOUND', 404, `No user ${id} in this workspace.`, 'Check the user id; agents are the workspace’s users.'),
  unknownTeams: (ids: string[]) =>
    domainError('TEAM_NOT_FOUND', 400, `No team ${ids.join(', ')} in this workspace.`, 'Create the team first (POST /api/v1/teams), then add agents to it.', ids.map((id) => ({ path: 'body.teamIds', message: `no team ${id}` }))),
  teamNameTaken: (name: string) => domainError('TEAM_NAME_TAKEN', 409, `A team called "${name}" already exists.`, 'Pick another name.', [{ path: 'body.name', message: 'is already used' }]),
};

/** Transfers (issue 5): problems name the body field so the console can show them beside it. */
export const transferErrors = {
  teamNotFound: (id: string) => domainError('TEAM_NOT_FOUND', 404, `No team ${id} in this workspace.`, 'Pick a team from GET /api/v1/teams.', [{ path: 'body.toTeamId', message: 'no such team' }]),
  agentNotFound: (id: string) => domainError('AGENT_NOT_FOUND', 404, `No active user ${id} in this workspace.`, 'Pick an agent from GET /api/v1/agents.', [{ path: 'body.toAgentId', message: 'no such agent' }]),
  toSelf: () => domainError('TRANSFER_TO_SELF', 409, 'The conversation is already yours.', 'Transfer it to a colleague or a team.', [{ path: 'body.toAgentId', message: 'is you' }]),
  agentOffline: (name: string, status: string) =>
    domainError('AGENT_NOT_AVAILABLE', 409, `${name} is ${status} and cannot take a conversation now.`, 'Transfer to an online colleague, or to their team so whoever is online picks it up.', [{ path: 'body.toAgentId', message: `is ${status}` }]),
};
