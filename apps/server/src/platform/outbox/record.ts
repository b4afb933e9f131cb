/** An event as stored in the outbox and carried on the bus. */
export type OutboxRecord = {
  id: string;
  workspaceId: string | null;
  name: string;
  payload: unknown;
  at: Date;
};
