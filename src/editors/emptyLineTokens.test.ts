import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { errorHandler } from "monaco-editor/base/common/errors.js";
import { ContiguousTokensStore } from "monaco-editor/editor/common/tokens/contiguousTokensStore.js";
import { correctEmptyLineTokenEdits } from "./emptyLineTokens.ts";

const JSON_ID = "json";
const codec = {
  encodeLanguageId: (id: string) => (id === JSON_ID ? 1 : 0),
  decodeLanguageId: (id: number) => (id === 1 ? JSON_ID : "unknown"),
};
/** Tokens of language 1 (`json`) ending at `ends`, as the store keeps them. */
const tokens = (...ends: number[]) => new Uint32Array(ends.flatMap((end) => [end, 1]));

/** How long the store says line `lineIndex` is, read as the editor reads it. */
function storedLength(store: ContiguousTokensStore, lineIndex: number, text: string): number {
  const line = store.getTokens(JSON_ID, lineIndex, text);
  return line.getEndOffset(line.getCount() - 1);
}

/**
 * The broadcast schedule's gesture, on the store alone: the model holds `[]` and an empty line,
 * both tokenized; select all and type `[`, which wraps the selection and puts `]` on the empty
 * line; the next key replaces the selection, joining the lines into `[]]`.
 */
function typeOnAnEmptyLastLineThenJoin(store: ContiguousTokensStore): number {
  store.setTokens(JSON_ID, 0, 2, tokens(1, 2), false);
  store.setTokens(JSON_ID, 1, 0, null, false);
  store.acceptEdit({ startLineNumber: 2, startColumn: 1, endLineNumber: 2, endColumn: 1 }, 0, 1);
  store.acceptEdit({ startLineNumber: 1, startColumn: 3, endLineNumber: 2, endColumn: 1 }, 0, 0);
  return storedLength(store, 0, "[]]");
}

/** An empty first line, `{}` below it: type `x` on the empty line, then Delete joins `{}` onto it. */
function typeOnAnEmptyFirstLineThenJoin(store: ContiguousTokensStore): number {
  store.setTokens(JSON_ID, 0, 0, null, false);
  store.setTokens(JSON_ID, 1, 2, tokens(1, 2), false);
  store.acceptEdit({ startLineNumber: 1, startColumn: 1, endLineNumber: 1, endColumn: 1 }, 0, 1);
  store.acceptEdit({ startLineNumber: 1, startColumn: 2, endLineNumber: 2, endColumn: 1 }, 0, 0);
  return storedLength(store, 0, "x{}");
}

describe("correctEmptyLineTokenEdits", () => {
  const reported: unknown[] = [];
  const monacosHandler = errorHandler.unexpectedErrorHandler;
  beforeEach(() => {
    reported.length = 0;
    errorHandler.unexpectedErrorHandler = (error) => reported.push(error);
  });
  afterEach(() => {
    errorHandler.unexpectedErrorHandler = monacosHandler;
  });

  // Runs before the correction is installed. When a Monaco upgrade makes it fail, the defect is
  // fixed upstream and emptyLineTokens.ts can go.
  it("is needed: Monaco's store forgets text typed on an empty line once the line is joined", () => {
    expect(typeOnAnEmptyLastLineThenJoin(new ContiguousTokensStore(codec))).toBe(2);
    expect(typeOnAnEmptyFirstLineThenJoin(new ContiguousTokensStore(codec))).toBe(2);
    const mismatch = new Error("Token length and text length do not match!");
    expect(reported).toEqual([mismatch, mismatch]);
  });

  it("keeps a joined line's tokens as long as its text", () => {
    correctEmptyLineTokenEdits();
    correctEmptyLineTokenEdits();
    expect(typeOnAnEmptyLastLineThenJoin(new ContiguousTokensStore(codec))).toBe(3);
    expect(typeOnAnEmptyFirstLineThenJoin(new ContiguousTokensStore(codec))).toBe(3);
    expect(reported).toEqual([]);
  });

  it("leaves edits of lines with text as Monaco makes them", () => {
    correctEmptyLineTokenEdits();
    const store = new ContiguousTokensStore(codec);
    // `{}` tokenized as `{` and `}`: typing `"a"` between them widens the first token.
    store.setTokens(JSON_ID, 0, 2, tokens(1, 2), false);
    store.acceptEdit({ startLineNumber: 1, startColumn: 2, endLineNumber: 1, endColumn: 2 }, 0, 3);
    const line = store.getTokens(JSON_ID, 0, '{"a"}');
    expect([line.getCount(), line.getEndOffset(0), line.getEndOffset(1)]).toEqual([2, 4, 5]);
    expect(reported).toEqual([]);
  });
});
