/**
 * Text ⇄ URL-fragment payload: raw DEFLATE in base64url, shared by document share links
 * (`shareLink.ts`) and the simulator's scenario links. Packing uses the platform's native
 * `CompressionStream("deflate-raw")` (browsers, Node ≥ 18): asynchronous, fed in the Blob
 * stream's chunks, so a rule set of megabytes no longer holds the tab for a second as fflate's
 * synchronous level-9 deflate did. Any raw DEFLATE reads back the same, so every link made
 * before opens as it did. Reading is bounded — a link is untrusted input that could otherwise
 * inflate without limit and freeze the tab.
 */
import { Inflate, strFromU8 } from "fflate";

/** Largest compressed payload accepted. */
export const MAX_LINK_COMPRESSED_BYTES = 1024 * 1024;
/** Largest inflated text accepted. */
export const MAX_LINK_INFLATED_BYTES = 5 * 1024 * 1024;
/** Inflate in small steps so the size limit stops a decompression bomb early. */
const INFLATE_STEP = 4096;

/**
 * `text` compressed as base64url, or — when {@link unpackText} would refuse the result (over its
 * compressed or inflated limit) — the sentence it would say, so a link is never handed out that
 * cannot be opened.
 */
export async function packTextWithinLimits(
  text: string,
  content = "content",
): Promise<{ ok: true; payload: string } | { ok: false; error: string }> {
  // The Blob holds the text as UTF-8: its size is what unpacking will inflate to.
  const utf8 = new Blob([text]);
  if (utf8.size > MAX_LINK_INFLATED_BYTES) return { ok: false, error: inflatedTooLarge(content) };
  const payload = toBase64Url(await deflateRaw(utf8));
  if (compressedTooLarge(payload)) return { ok: false, error: compressedTooLargeError(content) };
  return { ok: true, payload };
}

/** `data` as raw DEFLATE, compressed natively chunk by chunk. */
async function deflateRaw(data: Blob): Promise<Uint8Array> {
  const compressed = data.stream().pipeThrough(new CompressionStream("deflate-raw"));
  return new Uint8Array(await new Response(compressed).arrayBuffer());
}

function compressedTooLarge(payload: string): boolean {
  return Math.floor((payload.length * 3) / 4) > MAX_LINK_COMPRESSED_BYTES;
}

function compressedTooLargeError(content: string): string {
  return `the link's ${content} is larger than 1 MB compressed`;
}

function inflatedTooLarge(content: string): string {
  return `the link's ${content} is larger than 5 MB`;
}

/**
 * The text of a payload made by {@link packTextWithinLimits}, or what is wrong with it (a sentence naming the
 * link's `content`, e.g. "document").
 */
export function unpackText(
  payload: string,
  content = "content",
): { ok: true; text: string } | { ok: false; error: string } {
  if (payload === "") return { ok: false, error: `the link's ${content} is empty` };
  if (!/^[A-Za-z0-9_-]+$/.test(payload))
    return { ok: false, error: "the link is damaged: it holds characters a share link never has" };
  if (compressedTooLarge(payload)) return { ok: false, error: compressedTooLargeError(content) };
  const bytes = fromBase64Url(payload);
  if (bytes === null) return { ok: false, error: "the link is damaged: it is not valid base64url" };
  const inflated = boundedInflate(bytes, content);
  if (typeof inflated === "string") return { ok: false, error: inflated };
  return { ok: true, text: strFromU8(inflated) };
}

function boundedInflate(data: Uint8Array, content: string): Uint8Array | string {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const state = { finished: false };
  const tooLarge = new Error("too large");
  const inflate = new Inflate((chunk, final) => {
    total += chunk.length;
    if (total > MAX_LINK_INFLATED_BYTES) throw tooLarge;
    chunks.push(chunk);
    if (final) state.finished = true;
  });
  try {
    for (let offset = 0; offset < data.length; offset += INFLATE_STEP) {
      const end = Math.min(offset + INFLATE_STEP, data.length);
      inflate.push(data.subarray(offset, end), end === data.length);
    }
  } catch (error) {
    if (error === tooLarge) return inflatedTooLarge(content);
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
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
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
