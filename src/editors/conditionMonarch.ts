/**
 * Syntax colouring of the condition language (`cep-condition`) as a Monaco Monarch tokenizer,
 * following the interpreter's lexer (`src/expr/lexer.ts`): numbers (`42`, `0x1F`, `1.5`, `1e3`,
 * `100N`, `1.5M`), strings in `'…'` or `"…"` with Aviator's escapes, regex literals after `=~`,
 * `##` comments, `#quoted` names, operators, the keywords and the builtin functions. Plain data:
 * Monaco compiles the regular expressions (no code is evaluated).
 */
import type { languages } from "monaco-editor/editor/editor.api.js";
import { builtinFunctionNames } from "../expr/index.ts";
import { CONDITION_KEYWORDS } from "./conditionCompletion.ts";

/** The language id every condition editor's model uses. */
export const CONDITION_LANGUAGE_ID = "cep-condition";

/** Brackets, comments and word boundaries (a dotted path like `data.productId` is one word). */
export const conditionLanguageConfiguration: languages.LanguageConfiguration = {
  comments: { lineComment: "##" },
  brackets: [
    ["(", ")"],
    ["[", "]"],
  ],
  autoClosingPairs: [
    { open: "(", close: ")" },
    { open: "[", close: "]" },
    { open: "'", close: "'", notIn: ["string"] },
    { open: '"', close: '"', notIn: ["string"] },
  ],
  surroundingPairs: [
    { open: "(", close: ")" },
    { open: "[", close: "]" },
    { open: "'", close: "'" },
    { open: '"', close: '"' },
  ],
  wordPattern: /(-?\d*\.\d\w*)|([\p{L}\p{Nl}\p{Sc}\p{Pc}][\p{L}\p{Nl}\p{Sc}\p{Pc}\p{Nd}\p{Mn}\p{Mc}.]*)/u,
};

/** The tokenizer. Token names map to colours in `monacoTheme.ts`. */
export const conditionMonarch: languages.IMonarchLanguage = {
  defaultToken: "",
  unicode: true,
  brackets: [
    { open: "(", close: ")", token: "delimiter.parenthesis" },
    { open: "[", close: "]", token: "delimiter.square" },
  ],
  keywords: [...CONDITION_KEYWORDS],
  functions: [...builtinFunctionNames],
  tokenizer: {
    root: [
      [/##.*$/, "comment"],
      [/=~/, { token: "operator", next: "@regexOperand" }],
      [/config\.[\p{L}\p{Pc}$][\p{L}\p{Pc}\p{Nd}$.]*/u, "variable.config"],
      [
        /[\p{L}\p{Pc}$][\p{L}\p{Pc}\p{Nd}$]*(?:\.[\p{L}\p{Pc}$][\p{L}\p{Pc}\p{Nd}$]*)*(?=\s*\()/u,
        { cases: { "@functions": "predefined", "@keywords": "keyword", "@default": "identifier" } },
      ],
      [
        /[\p{L}\p{Pc}$][\p{L}\p{Pc}\p{Nd}$]*(?:\.[\p{L}\p{Pc}$][\p{L}\p{Pc}\p{Nd}$]*)*/u,
        { cases: { "@keywords": "keyword", "@default": "variable" } },
      ],
      [/#`[^`]*`/, "variable"],
      [/#[\p{L}\p{Pc}\p{Nd}$.]+/u, "variable"],
      [/0[xX][0-9a-fA-F]+/, "number.hex"],
      [/(?:\d+\.\d*|\.\d+)(?:[eE]-?\d+)?M?/, "number.float"],
      [/\d+[eE]-?\d+M?/, "number.float"],
      [/\d+[NM]?/, "number"],
      [/'/, { token: "string.quote", next: "@singleQuoted" }],
      [/"/, { token: "string.quote", next: "@doubleQuoted" }],
      [/>>>|\*\*|<<|>>|<=|>=|==|!=|&&|\|\||->|[+\-*/%!~<>&|^?:]/, "operator"],
      [/[()[\]]/, "@brackets"],
      [/[,;.]/, "delimiter"],
      [/\s+/, "white"],
    ],
    singleQuoted: [
      [/[^\\'#]+/, "string"],
      [/\\[trnbf\\#']/, "string.escape"],
      [/\\./, "string.escape.invalid"],
      [/#\{/, "string.invalid"],
      [/#/, "string"],
      [/'/, { token: "string.quote", next: "@pop" }],
    ],
    doubleQuoted: [
      [/[^\\"#]+/, "string"],
      [/\\[trnbf\\#"]/, "string.escape"],
      [/\\./, "string.escape.invalid"],
      [/#\{/, "string.invalid"],
      [/#/, "string"],
      [/"/, { token: "string.quote", next: "@pop" }],
    ],
    // After `=~` a `/` starts a regex literal, as in Aviator's lexer (operand position).
    regexOperand: [
      [/\s+/, "white"],
      [/\/(?:[^\\/]|\\.)*\//, { token: "regexp", next: "@pop" }],
      [/\/.*$/, { token: "regexp.invalid", next: "@pop" }],
      [/(?=\S)/, { token: "", next: "@pop" }],
    ],
  },
};
