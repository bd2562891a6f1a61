/**
 * Share links: the whole document in the URL fragment, `#doc=<base64url(deflateRaw(save JSON))>`.
 * The fragment never reaches a server. Reading one is bounded (1 MB compressed, 5 MB inflated),
 * since a link is untrusted input that could otherwise inflate without limit and freeze the tab.
 */
import { deflateSync, Inflate, strFromU8, strToU8 } from "fflate";
import { parseSavedDocument, serializeDocument } from "./saveFormat.ts";
import type { SavedDocumentResult } from "./saveFormat.ts";
import type { StudioDocument } from "./studioDocument.ts";

/** The fragment prefix of a share link. */
export const SHARE_PREFIX = "#doc=";
/** Largest compressed payload accepted. */
export const MAX_COMPRESSED_BYTES = 1024 * 1024;
/** Largest inflated document accepted. */
export const MAX_INFLATED_BYTES = 5 * 1024 * 1024;
/** Inflate in small steps so the size limit stops a decompression bomb early. */
const INFLATE_STEP = 4096;

/** The fragment (`#doc=…`) that opens `doc`. */
export function encodeShareFragment(doc: StudioDocument): string {
  return SHARE_PREFIX + toBase64Url(deflateSync(strToU8(serializeDocument(doc)), { level: 9 }));
}

/** Reads a fragment made by {@link encodeShareFragment}; says what is wrong with anything else. */
export function decodeShareFragment(hash: string): SavedDocumentResult {
  const fragment = hash.startsWith("#") ? hash : `#${hash}`;
  if (!fragment.startsWith(SHARE_PREFIX)) return fail("the address does not hold a shared document (#doc=…)");
  const payload = fragment.slice(SHARE_PREFIX.length);
  if (payload === "") return fail("the link's document is empty");
  if (!/^[A-Za-z0-9_-]+$/.test(payload))
    return fail("the link is damaged: it holds characters a share link never has");
  if (Math.floor((payload.length * 3) / 4) > MAX_COMPRESSED_BYTES) {
    return fail(`the link's document is larger than ${MAX_COMPRESSED_BYTES / (1024 * 1024)} MB compressed`);
  }
  const compressed = fromBase64Url(payload);
  if (!compressed) return fail("the link is damaged: it is not valid base64url");
  const inflated = boundedInflate(compressed);
  if (typeof inflated === "string") return fail(inflated);
  const parsed = parseSavedDocument(strFromU8(inflated), { fileName: "share link" });
  return parsed;
}

function fail(error: string): SavedDocumentResult {
  return { ok: false, error };
}

/** Raw DEFLATE, stopped as soon as the output passes {@link MAX_INFLATED_BYTES}. */
function boundedInflate(data: Uint8Array): Uint8Array | string {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const state = { finished: false };
  const tooLarge = new Error("too large");
  const inflate = new Inflate((chunk, final) => {
    total += chunk.length;
    if (total > MAX_INFLATED_BYTES) throw tooLarge;
    chunks.push(chunk);
    if (final) state.finished = true;
  });
  try {
    for (let offset = 0; offset < data.length; offset += INFLATE_STEP) {
      const end = Math.min(offset + INFLATE_STEP, data.length);
      inflate.push(data.subarray(offset, end), end === data.length);
    }
  } catch (error) {
    if (error === tooLarge)
      return `the link's document is larger than ${MAX_INFLATED_BYTES / (1024 * 1024)} MB`;
    return "the link is damaged: its data does not decompress";
  }
  if (!state.finished) return "the link is damaged: its data is cut short";
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  // In slices: String.fromCharCode with a huge argument list overflows the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array | null {
  if (text.length % 4 === 1) return null;
  const base64 = text.replace(/-/g, "+").replace(/_/g, "/") + "=".repeat((4 - (text.length % 4)) % 4);
  let binary: string;
  try {
    binary = atob(base64);
  } catch {
    return null;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
