import { deflateSync, inflateSync, strFromU8, strToU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { createDefaultDocument } from "./defaultDocument.ts";
import { setPositions } from "./edits/ruleEdits.ts";
import {
  MAX_LINK_COMPRESSED_BYTES as MAX_COMPRESSED_BYTES,
  MAX_LINK_INFLATED_BYTES as MAX_INFLATED_BYTES,
} from "./linkPayload.ts";
import { serializeDocument } from "./saveFormat.ts";
import { decodeShareFragment, encodeShareFragment } from "./shareLink.ts";

function fromBase64url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

function base64url(bytes: Uint8Array): string {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

describe("share links", () => {
  it("round-trip the default document exactly in a URL-safe fragment", async () => {
    const doc = setPositions(createDefaultDocument(), "r2", { cart_add: { x: 1, y: 2 } });
    const encoded = await encodeShareFragment(doc);
    if (!encoded.ok) throw new Error(encoded.error);
    const { fragment } = encoded;
    expect(fragment).toMatch(/^#doc=[A-Za-z0-9_-]+$/);
    // The five seed rules compress well below what browsers accept in an address.
    expect(fragment.length).toBeLessThan(4000);
    expect(decodeShareFragment(fragment)).toEqual({ ok: true, doc, warnings: [] });
    expect(decodeShareFragment(fragment.slice(1))).toEqual({ ok: true, doc, warnings: [] });
    // Raw DEFLATE, as links have always been: any inflater (fflate's, as older CEP Studios use) reads it.
    const payload = fromBase64url(fragment.slice("#doc=".length));
    expect(strFromU8(inflateSync(payload))).toBe(serializeDocument(doc));
  });

  it("open links made before packing was asynchronous (fflate's level-9 deflate)", () => {
    const doc = setPositions(createDefaultDocument(), "r1", { start: { x: 5, y: 6 } });
    const older = `#doc=${base64url(deflateSync(strToU8(serializeDocument(doc)), { level: 9 }))}`;
    expect(decodeShareFragment(older)).toEqual({ ok: true, doc, warnings: [] });
  });

  it("refuses garbage with a clear message", () => {
    const cases: [string, string][] = [
      ["", "does not hold a shared document"],
      ["#other=1", "does not hold a shared document"],
      ["#doc=", "empty"],
      ["#doc=ab+c", "characters a share link never has"],
      ["#doc=a", "not valid base64url"],
      ["#doc=AAAAAAAA", "does not decompress"],
      [`#doc=${base64url(deflateSync(strToU8("hello")).subarray(0, 3))}`, "damaged"],
      [`#doc=${base64url(deflateSync(strToU8("not json")))}`, "share link:1:1"],
      [`#doc=${base64url(deflateSync(strToU8('{"format":"x"}')))}`, "not a CEP Studio document"],
    ];
    for (const [hash, message] of cases) {
      const result = decodeShareFragment(hash);
      expect(result.ok, hash).toBe(false);
      if (!result.ok) expect(result.error, hash).toContain(message);
    }
  });

  it("refuses an oversized compressed payload before decoding it", () => {
    const result = decodeShareFragment(`#doc=${"A".repeat(Math.ceil((MAX_COMPRESSED_BYTES * 4) / 3) + 8)}`);
    expect(result).toEqual({ ok: false, error: "the link's document is larger than 1 MB compressed" });
  });

  it("makes no link CEP Studio would refuse to open: too large compressed, or inflated", async () => {
    // Text that does not compress (a pseudo-random hex run in a condition), over 1 MB compressed.
    let seed = 7;
    const noise = Array.from({ length: 2_600_000 }, () => {
      seed = (seed * 16807) % 2147483647;
      return (seed % 16).toString(16);
    }).join("");
    const doc = createDefaultDocument();
    const [first] = doc.rules;
    if (!first) throw new Error("the default document has rules");
    const noisy = { ...doc, rules: [{ ...first, rule: { ...first.rule, id: noise } }] };
    expect(await encodeShareFragment(noisy)).toEqual({
      ok: false,
      error: "the link's document is larger than 1 MB compressed",
    });
    // Text that compresses well but inflates beyond 5 MB.
    const long = { ...doc, rules: [{ ...first, rule: { ...first.rule, id: "x".repeat(6 * 1024 * 1024) } }] };
    expect(await encodeShareFragment(long)).toEqual({
      ok: false,
      error: "the link's document is larger than 5 MB",
    });
  });

  it("stops a decompression bomb at the inflated limit", () => {
    const bomb = deflateSync(new Uint8Array(MAX_INFLATED_BYTES + 1024 * 1024), { level: 9 });
    expect(bomb.length).toBeLessThan(MAX_COMPRESSED_BYTES);
    expect(decodeShareFragment(`#doc=${base64url(bomb)}`)).toEqual({
      ok: false,
      error: "the link's document is larger than 5 MB",
    });
  });
});
