import { domainError } from '../../platform/errors.ts';

export const routingErrors = {
  agentNotFound: (id: string) => domainError('AGENT_NOT_FOUND', 404, `No user ${id} in this workspace.`, 'Check the user id; agents are the workspace’s users.'),
  unknownTeams: (ids: string[]) =>
    domainError('TEAM_NOT_FOUND', 400, `No team ${ids.join(', ')} in this workspace.`, 'Create the team first (POST /api/v1/teams), then add agents to it.', ids.map((id) => ({ path: 'body.teamIds', message: `no team ${id}` }))),
  teamNameTaken: (name: string) => domainError('TEAM_NAME_TAKEN', 409, `A team called "${name}" already exists.`, 'Pick another name.', [{ path: 'body.name', message: 'is already used' }]),
};
