import { type SimReply } from "../../../simulators/sim-server.js";
import { cudoErrorBody, type CudoCanonicalCode, type CudoErrorDetail, type CudoSimState } from "./cudo.sim-state.js";

const DOMAIN = "compute.cudo.dev";

/** A google.rpc `ErrorInfo` detail in Cudo's domain. */
export const errorInfo = (reason: string, metadata: Record<string, string> = {}): CudoErrorDetail => ({
  "@type": "type.googleapis.com/google.rpc.ErrorInfo",
  reason,
  domain: DOMAIN,
  metadata,
});

/** A Cudo error answer, its body in the shape the simulator is set to (`state.errorShape`). */
export function fail(
  state: CudoSimState,
  status: number,
  canonical: CudoCanonicalCode,
  message: string,
  details: CudoErrorDetail[] = [],
  headers?: Record<string, string>,
): SimReply {
  const body = cudoErrorBody(state.errorShape, status, canonical, message, details);
  return { status, body, headers };
}

/** The route of a path: the listing, or one billing account (its id decoded); undefined for any other. */
export function matchRoute(path: string): { id?: string; methods: string[] } | undefined {
  if (path === "/v1/billing-accounts") return { methods: ["GET"] };
  const match = /^\/v1\/billing-accounts\/([^/]+)$/.exec(path);
  if (!match) return undefined;
  try {
    return { id: decodeURIComponent(match[1]!), methods: ["GET", "PATCH"] };
  } catch {
    return undefined;
  }
}
