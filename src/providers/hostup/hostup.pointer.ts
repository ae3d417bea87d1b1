import { joinPath } from "../../errors/field-errors.js";

/**
 * A JSON Pointer into a request body (RFC 6901) → a path into the GraphQL arguments:
 * `/notifications/delivery/enabledEmails/0` with root `input` →
 * `input.notifications.delivery.enabledEmails[0]`.
 * The PATCH body uses the GraphQL input's names, so the segments carry over unchanged. The empty
 * pointer (the whole body) is the root itself.
 */
export function pointerToPath(pointer: string, root: string): string {
  if (pointer === "" || pointer === "/") return root;
  // A pointer that does not start with "/" is not a JSON Pointer; keep it readable as one segment.
  const segments = pointer.startsWith("/") ? pointer.slice(1).split("/") : [pointer];
  // Unescape in this order (RFC 6901 §4): "~01" must become "~1", not "/".
  return segments
    .map(segment => segment.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce<string>((path, segment) => joinPath(path, segment), root);
}
