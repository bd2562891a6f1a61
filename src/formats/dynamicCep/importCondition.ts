/**
 * Reads a dynamic-CEP `ConditionSpec` into a model {@link Condition}. Ports the choice Ververica's
 * `ConditionSpecStdDeserializer` makes from the keys present: for CLASS, `nestedConditions`
 * (RichAnd / RichOr / RichNot) wins over `subClassName` (SubtypeCondition), which wins over `args`
 * (CustomArgsCondition), else a plain class. The legacy `CUSTOM_ARGS` type is converted to
 * CLASS + args with a warning.
 */
import type { Condition } from "../../model/condition.ts";
import { RICH_CONDITION_CLASS } from "../../model/condition.ts";
import { indexPath, memberPath } from "../json/jsonPath.ts";
import { describeJson, JsonReader, oneOf } from "./jsonReader.ts";
import type { JsonObject } from "./jsonReader.ts";

/** `ConditionSpec.ConditionType` values (GROOVY from newer Ververica docs). */
export const CONDITION_TYPES = ["CLASS", "AVIATOR", "GROOVY"] as const;

/** The class `subtype()` stores; its `className` is not read back, so we fill it in when absent. */
const SUBTYPE_CONDITION_CLASS = "org.apache.flink.cep.pattern.conditions.SubtypeCondition";

/** Deeper nesting than this is refused rather than recursed into. */
const MAX_CONDITION_DEPTH = 64;

type RichKind = keyof typeof RICH_CONDITION_CLASS;

/** How many nested conditions each Rich condition reads (`get(0)`, `get(1)`). */
const RICH_ARITY: Readonly<Record<RichKind, number>> = { and: 2, or: 2, not: 1 };

/**
 * Reads the condition at `path`, reporting problems to `reader`. Returns undefined when the
 * condition cannot be read.
 */
export function readCondition(
  value: unknown,
  path: string,
  reader: JsonReader,
  depth = 0,
): Condition | undefined {
  if (depth > MAX_CONDITION_DEPTH) {
    reader.error(path, `conditions are nested more than ${MAX_CONDITION_DEPTH} levels deep`);
    return undefined;
  }
  const obj = reader.object(
    value,
    path,
    'a condition object such as {"type": "AVIATOR", "expression": "..."}',
  );
  if (!obj) return undefined;
  if (obj.type === "CUSTOM_ARGS") return readLegacyCustomArgs(obj, path, reader);
  const type = reader.enumValue(obj, "type", path, CONDITION_TYPES);
  switch (type) {
    case undefined:
      return undefined;
    case "AVIATOR":
    case "GROOVY": {
      reader.unknownKeys(obj, path, ["type", "expression"], `Flink reads only "expression" for ${type}`);
      const expression = reader.string(obj, "expression", path, `the ${type} expression (a string)`);
      if (expression === undefined) return undefined;
      return { type: type === "AVIATOR" ? "aviator" : "groovy", expression };
    }
    case "CLASS":
      return readClassCondition(obj, path, reader, depth);
  }
}

function present(obj: JsonObject, key: string): boolean {
  return obj[key] !== undefined && obj[key] !== null;
}

function readClassCondition(
  obj: JsonObject,
  path: string,
  reader: JsonReader,
  depth: number,
): Condition | undefined {
  if (present(obj, "nestedConditions")) return readRichCondition(obj, path, reader, depth);
  if (present(obj, "subClassName")) {
    reader.unknownKeys(
      obj,
      path,
      ["type", "className", "subClassName"],
      "a SubtypeCondition reads only subClassName",
    );
    const subClassName = reader.string(obj, "subClassName", path, "the subtype's class name (a string)");
    const className = reader.optionalString(obj, "className", path);
    if (subClassName === undefined || className === undefined) return undefined;
    return { type: "subtype", className: className ?? SUBTYPE_CONDITION_CLASS, subClassName };
  }
  const known = present(obj, "args") ? ["type", "className", "args"] : ["type", "className"];
  reader.unknownKeys(obj, path, known, "a CLASS condition reads className and args");
  if (obj.className === null) {
    // ClassConditionSpec stores getCanonicalName(), null for the anonymous "true" condition
    // Pattern.getCondition() returns without where(), and for any anonymous condition class.
    reader.error(
      memberPath(path, "className"),
      'className is null: Flink\'s writer stores that for a stage without where() or an anonymous condition class, and its reader refuses it ("not supported to save/load a local or anonymous class"); write "condition": null for a stage that accepts every event, or name the class',
    );
    return undefined;
  }
  const className = reader.string(obj, "className", path, "the condition's Java class name (a string)");
  if (!present(obj, "args")) return className === undefined ? undefined : { type: "class", className };
  const args = readArgs(obj.args, memberPath(path, "args"), reader);
  if (className === undefined || args === undefined) return undefined;
  return { type: "class", className, args };
}

function readArgs(value: unknown, path: string, reader: JsonReader): string[] | undefined {
  if (typeof value === "string") {
    reader.error(path, `expected an array of strings, got ${describeJson(value)} (write ["${value}"])`);
    return undefined;
  }
  if (!Array.isArray(value)) {
    reader.error(path, `expected an array of strings, got ${describeJson(value)}`);
    return undefined;
  }
  const args: string[] = [];
  for (const [i, arg] of (value as readonly unknown[]).entries()) {
    if (typeof arg === "string") args.push(arg);
    else reader.error(indexPath(path, i), `expected a string argument, got ${describeJson(arg)}`);
  }
  return args.length === value.length ? args : undefined;
}

/** RichAnd / RichOr (binary) and RichNot (unary), matched on the class name's suffix as Flink does. */
function readRichCondition(
  obj: JsonObject,
  path: string,
  reader: JsonReader,
  depth: number,
): Condition | undefined {
  reader.unknownKeys(
    obj,
    path,
    ["type", "className", "nestedConditions"],
    "a Rich condition reads only its nestedConditions",
  );
  const className = reader.string(obj, "className", path, oneOf(Object.values(RICH_CONDITION_CLASS)));
  if (className === undefined) return undefined;
  const kind = (Object.keys(RICH_CONDITION_CLASS) as RichKind[]).find((k) =>
    className.endsWith(RICH_CONDITION_CLASS[k].replace(/^org\.apache\./, "")),
  );
  const classPath = memberPath(path, "className");
  if (!kind) {
    reader.error(
      classPath,
      `nestedConditions is only read for ${oneOf(Object.values(RICH_CONDITION_CLASS))}, got ${describeJson(className)}`,
    );
    return undefined;
  }
  if (className !== RICH_CONDITION_CLASS[kind]) {
    reader.warn(classPath, `read as ${RICH_CONDITION_CLASS[kind]}, which exports write`);
  }
  const nestedPath = memberPath(path, "nestedConditions");
  const nested = reader.array(obj, "nestedConditions", path, "an array of conditions");
  if (!nested) return undefined;
  const arity = RICH_ARITY[kind];
  const simpleName = RICH_CONDITION_CLASS[kind].split(".").at(-1) ?? kind;
  if (nested.length < arity) {
    reader.error(nestedPath, `${simpleName} needs exactly ${arity} nestedConditions, got ${nested.length}`);
    return undefined;
  }
  if (nested.length > arity) {
    reader.warn(
      indexPath(nestedPath, arity),
      `Flink reads only the first ${arity} nestedConditions of a ${simpleName}; the other ${nested.length - arity} are ignored (nest conditions to combine more)`,
    );
  }
  const parts = nested
    .slice(0, arity)
    .map((c, i) => readCondition(c, indexPath(nestedPath, i), reader, depth + 1));
  const [first, second] = parts;
  if (!first || (arity === 2 && !second)) return undefined;
  if (kind === "not") return { type: "not", inner: first };
  if (!second) return undefined;
  return { type: kind, left: first, right: second };
}

/** `{"type": "CUSTOM_ARGS", "className": …, "args": "<string>"}` from a Ververica beta. */
function readLegacyCustomArgs(obj: JsonObject, path: string, reader: JsonReader): Condition | undefined {
  reader.unknownKeys(
    obj,
    path,
    ["type", "className", "args"],
    "a CUSTOM_ARGS condition has className and args",
  );
  const className = reader.string(obj, "className", path, "the condition's Java class name (a string)");
  const raw = obj.args;
  const args =
    typeof raw === "string"
      ? [raw]
      : raw === undefined || raw === null
        ? []
        : readArgs(raw, memberPath(path, "args"), reader);
  if (className === undefined || args === undefined) return undefined;
  reader.warn(
    memberPath(path, "type"),
    `legacy condition type "CUSTOM_ARGS" read as {"type": "CLASS", "className": ${JSON.stringify(className)}, "args": ${JSON.stringify(args)}}; ` +
      "Flink's reader rejects CUSTOM_ARGS, so exports write the CLASS form",
  );
  return { type: "class", className, args };
}
