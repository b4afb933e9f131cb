// Leaf module shared by routes.ts and the screens it lazy-loads (a screen importing routes.ts would be a cycle).

export type ScreenProps = { params: Record<string, string> };
export const HOME = '/console/inbox';
export const inboxPath = (conversationId?: string) => (conversationId ? `/console/inbox/${encodeURIComponent(conversationId)}` : '/console/inbox');
