/**
 * Reads the JSON of a scenario link field by field, keeping the first problem with its JSON
 * path (`settings.parallelism: must be a number`). A link is untrusted input: nothing in it is
 * used before it has been checked.
 */

type JsonRecord = Readonly<Record<string, unknown>>;

function at(parent: string, name: string): string {
  return parent === "" ? name : `${parent}.${name}`;
}

/** The kind of value a field with this default takes, for a problem's message. */
function kindOf(fallback: unknown): string {
  if (typeof fallback === "string") return "a text";
  if (typeof fallback === "boolean") return "true or false";
  return "a number";
}

/** See the module comment. */
export class LinkReader {
  private first: string | null = null;

  get failed(): boolean {
    return this.first !== null;
  }

  /** The first problem, as a sentence for the user. */
  problem(): string {
    return `the link is damaged: ${this.first ?? "it cannot be read"}`;
  }

  /** Records a problem (the first one is kept) and returns null. */
  fail(message: string): null {
    this.first ??= message;
    return null;
  }

  object(value: unknown, path: string): JsonRecord | null {
    if (typeof value === "object" && value !== null && !Array.isArray(value)) return value as JsonRecord;
    return this.fail(`${path === "" ? "the content" : path}: must be a JSON object`);
  }

  string(parent: JsonRecord, name: string, path = ""): string | null {
    const value = parent[name];
    return typeof value === "string" ? value : this.fail(`${at(path, name)}: must be a text`);
  }

  /** A text, or null when the field is absent or null. */
  optionalString(parent: JsonRecord, name: string, path = ""): string | null {
    const value = parent[name];
    if (value === undefined || value === null || typeof value === "string") return value ?? null;
    return this.fail(`${at(path, name)}: must be a text or null`);
  }

  /** True or false; false when the field is absent (a link made before it existed); null when it is damaged. */
  flag(parent: JsonRecord, name: string, path = ""): boolean | null {
    const value = parent[name];
    if (value === undefined) return false;
    return typeof value === "boolean" ? value : this.fail(`${at(path, name)}: must be true or false`);
  }

  wholeNumber(parent: JsonRecord, name: string, path = ""): number | null {
    const value = parent[name];
    if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) return value;
    return this.fail(`${at(path, name)}: must be a whole number ≥ 0`);
  }

  /**
   * `defaults` with the fields `given` sets, each checked against the default's kind: a text for
   * a text, true or false for a boolean, a finite number (or null where the default may be null, i.e. it is a number or
   * null in `defaults`' type and listed in `nullable`) for a number. Unknown fields are ignored,
   * so a link from a later version with an extra knob still opens.
   */
  merged<T extends object>(
    defaults: T,
    given: JsonRecord,
    path: string,
    nullable: readonly string[] = [],
  ): T | null {
    const out: Record<string, unknown> = { ...(defaults as Record<string, unknown>) };
    for (const [name, fallback] of Object.entries(defaults)) {
      const value = given[name];
      if (value === undefined) continue;
      const ok =
        (value === null && (fallback === null || nullable.includes(name))) ||
        (typeof value === "string" && typeof fallback === "string") ||
        (typeof value === "boolean" && typeof fallback === "boolean") ||
        (typeof value === "number" &&
          Number.isFinite(value) &&
          (typeof fallback === "number" || fallback === null || nullable.includes(name)));
      if (!ok) return this.fail(`${at(path, name)}: must be ${kindOf(fallback)}`);
      out[name] = value;
    }
    // Every field of `defaults` was kept or replaced by a value of its kind.
    return out as T;
  }
}
