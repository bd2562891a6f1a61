import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

/** Names the pure core must never touch: it runs in a worker, in Node and in tests alike. */
const hostGlobals = ["window", "document", "navigator", "localStorage", "process", "require", "Buffer"];

export default tseslint.config(
  { ignores: ["dist", "dist-cli", "node_modules", "coverage", "test-results", "playwright-report"] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/restrict-template-expressions": [
        "error",
        { allowNumber: true, allowBoolean: true },
      ],
      "@typescript-eslint/no-unnecessary-condition": ["error", { allowConstantLoopConditions: true }],
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.name='eval']",
          message: "Never eval: use the condition interpreter.",
        },
        { selector: "NewExpression[callee.name='Function']", message: "Never new Function." },
        { selector: "WithStatement", message: "Never with." },
      ],
    },
  },
  {
    files: [
      "src/text/**",
      "src/model/**",
      "src/expr/**",
      "src/engine/**",
      "src/formats/**",
      "src/runtime/**",
    ],
    rules: { "no-restricted-globals": ["error", ...hostGlobals] },
  },
  {
    files: [
      "src/{app,document,designer,editors,simulator,ui,ruleset,templates,importExport,inspector,exports}/**/*.{ts,tsx}",
      "src/main.tsx",
    ],
    plugins: { "react-hooks": reactHooks },
    languageOptions: { globals: globals.browser },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ["**/*.test.ts", "bench/**", "scripts/**", "e2e/**", "bin/**", "src/cli/**"],
    languageOptions: { globals: globals.node },
  },
  {
    files: ["**/*.js", "**/*.mjs"],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },
);
