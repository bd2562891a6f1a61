import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";
import type { Plugin } from "vite";

/**
 * The built app's Content-Security-Policy: scripts only from our own origin and never eval-like
 * code; no network beyond the page's own origin. (Dev mode keeps Vite's inline HMR scripts.)
 */
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
].join("; ");

function contentSecurityPolicyMeta(): Plugin {
  return {
    name: "cep-studio-csp",
    apply: "build",
    transformIndexHtml: () => [
      {
        tag: "meta",
        attrs: { "http-equiv": "Content-Security-Policy", content: contentSecurityPolicy },
        injectTo: "head-prepend",
      },
    ],
  };
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicyMeta()],
  worker: { format: "es" },
  optimizeDeps: {
    // Monaco loads lazily (src/editors/monacoRuntime.ts), so the dev server would only discover it
    // when the first editor opens, re-optimize and reload the page; pre-bundle its entries upfront.
    include: [
      "monaco-editor/editor/editor.api.js",
      "monaco-editor/languages/features/json/jsonMode.js",
      "monaco-editor/languages/features/json/register.js",
      "monaco-editor/languages/definitions/sql/register.js",
      "monaco-editor/languages/definitions/java/register.js",
    ],
  },
  build: { target: "es2022", sourcemap: true },
  test: {
    include: ["src/**/*.test.ts", "bench/**/*.test.ts"],
    environment: "node",
    pool: "threads",
  },
});
