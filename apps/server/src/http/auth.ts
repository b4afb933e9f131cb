import type { FastifyRequest } from 'fastify';
import type { Principal } from '../platform/route.ts';
import { DomainFailure, isDomainError, type DomainError } from '../platform/errors.ts';

export type PrincipalResolvers = {
  /** A console/API user's bearer token or session cookie. */
  user(token: string): Promise<Principal | DomainError>;
  /** A widget session token (customer side). */
  customer(token: string): Promise<Principal | DomainError>;
  /** May this principal pass this route's policy? Returns the error to send if not. */
  authorize(principal: Principal, policy: string): DomainError | null;
};

export const CUSTOMER_TOKEN_PREFIX = 'cs_';

export function bearerOf(request: FastifyRequest, cookieName: string): string | null {
  const header = request.headers.authorization;
  if (header && /^bearer\s+/i.test(header)) return header.replace(/^bearer\s+/i, '').trim() || null;
  const cookie = (request.cookies as Record<string, string | undefined> | undefined)?.[cookieName];
  return cookie ?? null;
}

/** Resolves who is calling and checks the route's declared policy; throws the domain error to send. */
export async function principalFor(request: FastifyRequest, policy: string, resolvers: PrincipalResolvers, cookieName: string): Promise<Principal> {
  const token = bearerOf(request, cookieName);
  let principal: Principal = { kind: 'anonymous' };
  if (token && policy !== 'public') {
    const resolved = token.startsWith(CUSTOMER_TOKEN_PREFIX) ? await resolvers.customer(token) : await resolvers.user(token);
    if (isDomainError(resolved)) throw new DomainFailure(resolved);
    principal = resolved;
  }
  const denied = resolvers.authorize(principal, policy);
  if (denied) throw new DomainFailure(denied);
  return principal;
}
