/**
 * JSON paths as diagnostics print them: `nodes[2].quantifier.times.from`, `[0].pattern`, and
 * `["com.example.Cond"]` for keys that are not plain identifiers.
 */

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const LAST_SEGMENT = /(?:\.[A-Za-z_$][\w$]*|\[\d+\]|\["(?:[^"\\]|\\.)*"\])$|^[A-Za-z_$][\w$]*$/;

/** `base.key` (or `base["key"]`); the root is "". */
export function memberPath(base: string, key: string): string {
  if (!IDENTIFIER.test(key)) return `${base}[${JSON.stringify(key)}]`;
  return base === "" ? key : `${base}.${key}`;
}

/** `base[index]`. */
export function indexPath(base: string, index: number): string {
  return `${base}[${index}]`;
}

/** The path one level up (`a.b[2]` → `a.b`), or null at the root. */
export function parentPath(path: string): string | null {
  if (path === "") return null;
  const match = LAST_SEGMENT.exec(path);
  return match ? path.slice(0, match.index) : null;
}
