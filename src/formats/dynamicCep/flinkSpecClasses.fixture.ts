/**
 * Test data: what Flink dynamic CEP's JSON reader accepts, written down from the classes it reads
 * with, so a test can hold every exported object against it.
 *
 * Source: Ververica `flink-cep` 1.15-vvr-6.0.2 as decompiled in Karekin/flink_cep @ 1a84c6c,
 * `src/main/java/org/apache/flink/cep/dynamic/impl/json/`: `util/CepJsonUtils` (a default
 * `ObjectMapper`, so `FAIL_ON_UNKNOWN_PROPERTIES` is on, plus three `SimpleModule` deserializers),
 * `spec/{GraphSpec, NodeSpec, QuantifierSpec, EdgeSpec, WindowSpec, AfterMatchSkipStrategySpec}`,
 * `deserializer/{NodeSpecStdDeserializer, ConditionSpecStdDeserializer, TimeStdDeserializer}`, and
 * `org.apache.flink.cep.pattern.{Quantifier (ConsumingStrategy, QuantifierProperty, Times), WithinType}`.
 *
 * Bean-read classes (the top-level GraphSpec, QuantifierSpec, Times, EdgeSpec, WindowSpec,
 * AfterMatchSkipStrategySpec) reject any key they have no property for. Nodes in `nodes`, conditions
 * and times go through hand-written deserializers that pick named keys and ignore the rest; for
 * conditions we still hold exports to the keys each ConditionSpec subclass writes.
 */

const CONSUMING_STRATEGIES = ["STRICT", "SKIP_TILL_NEXT", "SKIP_TILL_ANY", "NOT_FOLLOW", "NOT_NEXT"];
const QUANTIFIER_PROPERTIES = ["SINGLE", "LOOPING", "TIMES", "OPTIONAL", "GREEDY"];
const WITHIN_TYPES = ["PREVIOUS_AND_CURRENT", "FIRST_AND_LAST"];
const SKIP_TYPES = ["NO_SKIP", "SKIP_TO_NEXT", "SKIP_PAST_LAST_EVENT", "SKIP_TO_FIRST", "SKIP_TO_LAST"];
const TIME_UNITS = ["NANOSECONDS", "MICROSECONDS", "MILLISECONDS", "SECONDS", "MINUTES", "HOURS", "DAYS"];
const NODE_TYPES = ["ATOMIC", "COMPOSITE"];
/** `ConditionSpec.ConditionType` in 6.0.2; GROOVY only in newer runtimes' docs. */
const CONDITION_TYPES = ["CLASS", "AVIATOR"];
const RICH = {
  "org.apache.flink.cep.pattern.conditions.RichAndCondition": 2,
  "org.apache.flink.cep.pattern.conditions.RichOrCondition": 2,
  "org.apache.flink.cep.pattern.conditions.RichNotCondition": 1,
} as const;
const JAVA_INT_MAX = 2 ** 31 - 1;

/** The GraphSpec creator's `@JsonProperty` names plus `type` and `version` (getter + field). */
const GRAPH_KEYS = [
  "name",
  "quantifier",
  "condition",
  "nodes",
  "edges",
  "window",
  "afterMatchStrategy",
  "type",
  "version",
];

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** Collects what Flink's reader would refuse, by JSON path. */
class Checker {
  readonly problems: string[] = [];

  fail(path: string, message: string): void {
    this.problems.push(`${path || "$"}: ${message}`);
  }

  object(v: unknown, path: string): Obj | undefined {
    if (isObj(v)) return v;
    this.fail(path, `expected an object, got ${JSON.stringify(v)}`);
    return undefined;
  }

  /** A bean-read class: any other key is an UnrecognizedPropertyException. */
  strict(o: Obj, path: string, keys: readonly string[]): void {
    for (const key of Object.keys(o)) if (!keys.includes(key)) this.fail(path, `unknown property "${key}"`);
  }

  enumValue(o: Obj, key: string, path: string, values: readonly string[], required = true): void {
    const v = o[key];
    if (v === undefined || v === null) {
      if (required) this.fail(`${path}.${key}`, "missing");
    } else if (typeof v !== "string" || !values.includes(v)) {
      this.fail(`${path}.${key}`, `${JSON.stringify(v)} is not one of ${values.join(", ")}`);
    }
  }

  string(o: Obj, key: string, path: string, nullable = false): void {
    const v = o[key];
    if (typeof v === "string" || (nullable && (v === null || v === undefined))) return;
    this.fail(`${path}.${key}`, `expected a string, got ${JSON.stringify(v)}`);
  }

  integer(v: unknown, path: string, max: number): void {
    if (typeof v !== "number" || !Number.isInteger(v) || v < 0 || v > max) {
      this.fail(path, `expected a whole number in 0..${max}, got ${JSON.stringify(v)}`);
    }
  }
}

function checkTime(v: unknown, path: string, c: Checker): void {
  const o = c.object(v, path);
  if (!o) return;
  c.strict(o, path, ["unit", "size"]);
  c.enumValue(o, "unit", path, TIME_UNITS);
  c.integer(o.size, `${path}.size`, Number.MAX_SAFE_INTEGER);
}

function checkQuantifier(v: unknown, path: string, c: Checker): void {
  const o = c.object(v, path);
  if (!o) return;
  c.strict(o, path, ["consumingStrategy", "properties", "times", "untilCondition"]);
  c.enumValue(o, "consumingStrategy", path, CONSUMING_STRATEGIES);
  const props = o.properties;
  if (!Array.isArray(props)) c.fail(`${path}.properties`, "expected an array (EnumSet)");
  else
    props.forEach((p: unknown, i) => {
      if (typeof p !== "string" || !QUANTIFIER_PROPERTIES.includes(p))
        c.fail(`${path}.properties[${i}]`, `${JSON.stringify(p)} is not a QuantifierProperty`);
    });
  if (o.times !== null && o.times !== undefined) {
    const t = c.object(o.times, `${path}.times`);
    if (t) {
      c.strict(t, `${path}.times`, ["from", "to", "windowTime"]);
      c.integer(t.from, `${path}.times.from`, JAVA_INT_MAX);
      c.integer(t.to, `${path}.times.to`, JAVA_INT_MAX);
      if (t.windowTime !== null && t.windowTime !== undefined)
        checkTime(t.windowTime, `${path}.times.windowTime`, c);
    }
  }
  if (o.untilCondition !== null && o.untilCondition !== undefined)
    checkCondition(o.untilCondition, `${path}.untilCondition`, c);
}

/** A ConditionSpec, held to the keys its subclass writes. */
function checkCondition(v: unknown, path: string, c: Checker): void {
  const o = c.object(v, path);
  if (!o) return;
  c.enumValue(o, "type", path, CONDITION_TYPES);
  if (o.type === "AVIATOR") {
    c.strict(o, path, ["type", "expression"]);
    c.string(o, "expression", path);
    return;
  }
  if (o.type !== "CLASS") return;
  c.string(o, "className", path);
  if (o.nestedConditions !== undefined) {
    c.strict(o, path, ["type", "className", "nestedConditions"]);
    const arity = (RICH as Record<string, number>)[String(o.className)];
    const nested = o.nestedConditions;
    if (arity === undefined) c.fail(`${path}.className`, "nestedConditions are read only for RichAnd/Or/Not");
    else if (!Array.isArray(nested) || nested.length !== arity)
      c.fail(`${path}.nestedConditions`, `expected exactly ${arity} conditions`);
    else
      nested.forEach((n: unknown, i) => {
        checkCondition(n, `${path}.nestedConditions[${i}]`, c);
      });
  } else if (o.subClassName !== undefined) {
    c.strict(o, path, ["type", "className", "subClassName"]);
    c.string(o, "subClassName", path);
  } else {
    // `args`: CustomArgsConditionSpec (VVR >= 6.0.4); 6.0.2 ignores it.
    c.strict(o, path, ["type", "className", "args"]);
    if (o.args !== undefined && !(Array.isArray(o.args) && o.args.every((a) => typeof a === "string")))
      c.fail(`${path}.args`, "expected an array of strings");
  }
}

function checkNode(v: unknown, path: string, c: Checker): void {
  const o = c.object(v, path);
  if (!o) return;
  c.enumValue(o, "type", path, NODE_TYPES);
  if (o.type === "COMPOSITE") {
    checkGraph(o, path, c, false);
    return;
  }
  // NodeSpecStdDeserializer ignores other keys; exports write none.
  c.strict(o, path, ["name", "quantifier", "condition", "type"]);
  c.string(o, "name", path);
  checkQuantifier(o.quantifier, `${path}.quantifier`, c);
  if (o.condition !== null && o.condition !== undefined) checkCondition(o.condition, `${path}.condition`, c);
}

function checkGraph(o: Obj, path: string, c: Checker, top: boolean): void {
  c.strict(o, path, GRAPH_KEYS);
  c.enumValue(o, "type", path, top ? NODE_TYPES : ["COMPOSITE"], !top);
  c.string(o, "name", path, top);
  if (o.quantifier !== null && o.quantifier !== undefined)
    checkQuantifier(o.quantifier, `${path}.quantifier`, c);
  if (o.condition !== null && o.condition !== undefined) checkCondition(o.condition, `${path}.condition`, c);
  if (!Array.isArray(o.nodes)) c.fail(`${path}.nodes`, "expected an array");
  else
    o.nodes.forEach((n: unknown, i) => {
      checkNode(n, `${path}.nodes[${i}]`, c);
    });
  if (!Array.isArray(o.edges)) c.fail(`${path}.edges`, "expected an array");
  else
    o.edges.forEach((e: unknown, i) => {
      const edge = c.object(e, `${path}.edges[${i}]`);
      if (!edge) return;
      c.strict(edge, `${path}.edges[${i}]`, ["source", "target", "type"]);
      c.string(edge, "source", `${path}.edges[${i}]`);
      c.string(edge, "target", `${path}.edges[${i}]`);
      c.enumValue(edge, "type", `${path}.edges[${i}]`, CONSUMING_STRATEGIES);
    });
  if (o.window !== null && o.window !== undefined) {
    const w = c.object(o.window, `${path}.window`);
    if (w) {
      c.strict(w, `${path}.window`, ["type", "time"]);
      c.enumValue(w, "type", `${path}.window`, WITHIN_TYPES);
      checkTime(w.time, `${path}.window.time`, c);
    }
  }
  const skip = c.object(o.afterMatchStrategy, `${path}.afterMatchStrategy`);
  if (skip) {
    c.strict(skip, `${path}.afterMatchStrategy`, ["type", "patternName"]);
    c.enumValue(skip, "type", `${path}.afterMatchStrategy`, SKIP_TYPES);
    c.string(skip, "patternName", `${path}.afterMatchStrategy`, true);
  }
  if (o.version !== undefined && o.version !== null) c.integer(o.version, `${path}.version`, JAVA_INT_MAX);
}

/**
 * Everything in the GraphSpec JSON `json` that `CepJsonUtils.convertJSONStringToPattern` would
 * refuse while reading (unknown properties of bean-read classes, enum names, shapes), as
 * `path: reason` lines; empty when Flink reads it.
 */
export function flinkReadProblems(json: unknown): string[] {
  const c = new Checker();
  const o = c.object(json, "");
  if (o) checkGraph(o, "", c, true);
  return c.problems;
}
