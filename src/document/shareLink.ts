/**
 * Share links: the whole document in the URL fragment, `#doc=<base64url(deflateRaw(save JSON))>`.
 * The fragment never reaches a server. Reading one is bounded (1 MB compressed, 5 MB inflated),
 * since a link is untrusted input that could otherwise inflate without limit and freeze the tab.
 */
import { packText, unpackText } from "./linkPayload.ts";
import { parseSavedDocument, serializeDocument } from "./saveFormat.ts";
import type { SavedDocumentResult } from "./saveFormat.ts";
import type { StudioDocument } from "./studioDocument.ts";

/** The fragment prefix of a share link. */
export const SHARE_PREFIX = "#doc=";

/** The fragment (`#doc=…`) that opens `doc`. */
export function encodeShareFragment(doc: StudioDocument): string {
  return SHARE_PREFIX + packText(serializeDocument(doc));
}

/** Reads a fragment made by {@link encodeShareFragment}; says what is wrong with anything else. */
export function decodeShareFragment(hash: string): SavedDocumentResult {
  const fragment = hash.startsWith("#") ? hash : `#${hash}`;
  if (!fragment.startsWith(SHARE_PREFIX)) return fail("the address does not hold a shared document (#doc=…)");
  const unpacked = unpackText(fragment.slice(SHARE_PREFIX.length), "document");
  if (!unpacked.ok) return fail(unpacked.error);
  return parseSavedDocument(unpacked.text, { fileName: "share link" });
}

function fail(error: string): SavedDocumentResult {
  return { ok: false, error };
}
