/**
 * The realtime half of the API, for the OpenAPI document's description (OpenAPI has no words for
 * Socket.IO events): how to connect, what a client may send, and what each audience receives.
 * Payloads are the same shapes as the REST answers named beside them.
 */
export const REALTIME_DOCS = `

## Realtime (Socket.IO)

Connect to path \`/socket.io\` with \`auth: { token }\`: a customer's session token (\`cs_…\`) or an agent's bearer token.
A missing, unknown or expired token is refused at connect: \`connect_error\` whose message starts with the error code (e.g. \`AUTH_REQUIRED\`).
Events a client sends are answered through the Socket.IO acknowledgement with the REST answer, or an \`ErrorBody\`.

### A customer sends
| event | payload | answer |
|---|---|---|
| \`message.send\` | \`{text, clientMessageId, attachments?}\` (as \`POST /api/public/v1/messages\`) | \`{message, replies, conversation}\` — a repeated \`clientMessageId\` gets the first answer |
| \`resume\` | \`{after: messageId \\| null}\` | \`{messages}\` after that message (backfill after a reconnect) |
| \`typing\` | \`{typing: boolean}\` | \`{ok: true}\` |

### A customer receives (their conversation's room)
| event | payload |
|---|---|
| \`message.created\` | a message (never private notes), as in \`GET /api/public/v1/messages\` |
| \`conversation.updated\` | \`{id, status, queuePosition, estimatedWaitSeconds}\` — status changes and queue standings |
| \`conversation.overflow\` | what the customer may do instead of waiting (leave a message, book a callback) |
| \`typing\` | \`{conversationId, author: "agent", typing}\` |

### An agent sends
| event | payload | answer |
|---|---|---|
| \`typing\` | \`{conversationId, typing: boolean}\` | \`{ok: true}\` |

### Agents receive (the workspace's room, and their own)
| event | payload |
|---|---|
| \`message.created\` | every message of the workspace, private notes included |
| \`conversation.updated\` | \`{id, status, queuePosition, estimatedWaitSeconds, assigneeId}\` |
| \`conversation.offered\` | a queued conversation offered to this agent to accept (their own room) |
| \`conversation.rated\` | the customer's CSAT score and comment |
| \`mention.created\` | this agent was @mentioned in a note (their own room) |
| \`agent.presence_changed\` | an agent went online, away or offline |
| \`typing\` | \`{conversationId, author: "customer", typing}\` |
| \`analytics.live\` | the live figures, as \`GET /api/v1/analytics/live\` (at most once a second) |
| \`analytics.alert\` | an alert, as in \`GET /api/v1/analytics/alerts\` |
| \`knowledge.pack\` | a surge's knowledge pack (the entries, a suggested reply, recent questions) |
| \`knowledge.import\` | a background import's progress, as \`GET /api/v1/knowledge/imports/:id\` |
| \`workspace.event\` | \`{id, name, at, payload}\` for users and workspace changes |
`;
