/**
 * Writes exported JSON the way the seed rule files are written (and as Prettier writes JSON):
 * two-space indentation, objects one member per line, arrays of plain values on one line when
 * they fit (`"properties": ["LOOPING", "OPTIONAL"]`).
 */
import type { JsonValue } from "../formats/dynamicCep/index.ts";

/** `value` as indented JSON text, ending without a newline. */
export function formatJson(value: JsonValue, width = 100): string {
  return write(value, "", 0, width);
}

function write(value: JsonValue, indent: string, used: number, width: number): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  const inner = `${indent}  `;
  if (isArray(value)) {
    if (value.length === 0) return "[]";
    if (value.every((v) => v === null || typeof v !== "object")) {
      const flat = `[${value.map((v) => JSON.stringify(v)).join(", ")}]`;
      if (used + flat.length <= width) return flat;
    }
    const items = value.map((v) => inner + write(v, inner, inner.length, width));
    return `[\n${items.join(",\n")}\n${indent}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return "{}";
  const members = entries.map(([k, v]) => {
    const head = `${inner}${JSON.stringify(k)}: `;
    return head + write(v, inner, head.length, width);
  });
  return `{\n${members.join(",\n")}\n${indent}}`;
}

function isArray(value: JsonValue): value is readonly JsonValue[] {
  return Array.isArray(value);
}
