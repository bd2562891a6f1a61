/**
 * Types for the few Monaco internals CEP Studio touches (monaco-editor ships no declarations for
 * them): the token store and its line editing, which `emptyLineTokens.ts` corrects and its test
 * drives, the handler Monaco reports unexpected errors to, and the text buffer whose line numbers
 * `lineBreaksInMonaco.test.ts` checks ours against.
 */

declare module "monaco-editor/editor/common/tokens/contiguousTokensEditing.js" {
  /** A line's tokens: end offset and metadata pairs; null while the line's tokens are unknown. */
  export type LineTokensData = Uint32Array | ArrayBuffer | null;
  /** The shared marker a store keeps for a line that was empty when it was tokenized. */
  export const EMPTY_LINE_TOKENS: ArrayBuffer;
  /** Shifts a line's stored tokens by an edit, until the tokenizer colours the line again. */
  export const ContiguousTokensEditing: {
    insert(lineTokens: LineTokensData, chIndex: number, textLength: number): LineTokensData;
  };
}

declare module "monaco-editor/editor/common/tokens/contiguousTokensStore.js" {
  import type { LineTokensData } from "monaco-editor/editor/common/tokens/contiguousTokensEditing.js";

  interface LanguageIdCodec {
    encodeLanguageId(languageId: string): number;
    decodeLanguageId(languageId: number): string;
  }

  interface Range {
    readonly startLineNumber: number;
    readonly startColumn: number;
    readonly endLineNumber: number;
    readonly endColumn: number;
  }

  /** A text model's syntax tokens, line by line. */
  export class ContiguousTokensStore {
    constructor(languageIdCodec: LanguageIdCodec);
    setTokens(
      languageId: string,
      lineIndex: number,
      lineTextLength: number,
      tokens: LineTokensData,
      checkEquality: boolean,
    ): boolean;
    acceptEdit(range: Range, eolCount: number, firstLineLength: number): void;
    getTokens(
      languageId: string,
      lineIndex: number,
      lineText: string,
    ): { getCount(): number; getEndOffset(tokenIndex: number): number };
  }
}

declare module "monaco-editor/base/common/errors.js" {
  /** Where Monaco reports errors it did not expect (by default: rethrown from a timer). */
  export const errorHandler: { unexpectedErrorHandler: (error: unknown) => void };
}

declare module "monaco-editor/editor/common/model/pieceTreeTextBuffer/pieceTreeTextBufferBuilder.js" {
  /** The lines of a model's text, as the editor numbers them. */
  interface TextBuffer {
    getLineCount(): number;
    getLineContent(lineNumber: number): string;
  }

  /** Builds the text buffer behind a Monaco model (`createModel`) from chunks of text. */
  export class PieceTreeTextBufferBuilder {
    acceptChunk(chunk: string): void;
    /** `normalizeEOL`: lone CRs and mixed breaks become the text's main break, as models do. */
    finish(normalizeEOL?: boolean): {
      /** `defaultEOL`: 1 is LF, 2 is CRLF (for a text without line breaks). */
      create(defaultEOL: 1 | 2): { textBuffer: TextBuffer };
    };
  }
}
