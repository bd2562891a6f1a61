/**
 * Share links: the whole document in the URL fragment, `#doc=<base64url(deflateRaw(save JSON))>`.
 * The fragment never reaches a server. Reading one is bounded (1 MB compressed, 5 MB inflated),
 * since a link is untrusted input that could otherwise inflate without limit and freeze the tab.
 */
import { packTextWithinLimits, unpackText } from "./linkPayload.ts";
import { parseSavedDocument, serializeDocument } from "./saveFormat.ts";
import type { SavedDocumentResult } from "./saveFormat.ts";
import type { StudioDocument } from "./studioDocument.ts";

/** The fragment prefix of a share link. */
export const SHARE_PREFIX = "#doc=";

/**
 * The fragment that opens `doc`, or why there is none: a document beyond what
 * {@link decodeShareFragment} accepts (1 MB compressed, 5 MB of text) would give a link that
 * CEP Studio — and, near 2 MB, the browser's address bar — refuses to open. Asynchronous: the
 * compression runs natively, without holding the tab.
 */
export async function encodeShareFragment(
  doc: StudioDocument,
): Promise<{ ok: true; fragment: string } | { ok: false; error: string }> {
  const packed = await packTextWithinLimits(serializeDocument(doc), "document");
  return packed.ok ? { ok: true, fragment: SHARE_PREFIX + packed.payload } : packed;
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
