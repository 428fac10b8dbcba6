import type { FastifyRequest } from "fastify";
import type { AccessPolicy } from "../security/access";
import type { UserRecord } from "../model/user-record";
import type { RequestParams } from "./request-params";

export interface RequestState {
  readonly params: RequestParams;
  /** The signed-in user, or null for an anonymous request. */
  readonly user: UserRecord | null;
}

declare module "fastify" {
  interface FastifyRequest {
    portalState?: RequestState;
  }
  interface FastifyContextConfig {
    /** Routes that authenticate by themselves (generateToken) skip token checking. */
    skipTokenCheck?: boolean;
    /** Who may call the route; every route declares one (see security/access.ts). */
    access?: AccessPolicy;
    /** The portal's own HTML pages (OAuth sign-in), exempt from the download rule for HTML. */
    portalPage?: boolean;
  }
}

export function stateOf(request: FastifyRequest): RequestState {
  if (!request.portalState) throw new Error("The request was not prepared by the portal hooks.");
  return request.portalState;
}
