import { describe, expect, it } from "vitest";
import { compileExpression, ExprRuntimeError, ExprSyntaxError, type ExprEnvironment } from "./index.ts";
import { syntaxErrorOf } from "./testing/syntaxErrorOf.ts";

type Event = Record<string, unknown>;

function env(event: Event = {}, stages: Record<string, Event[]> = {}, config?: Event): ExprEnvironment {
  return {
    event,
    getEventsForPattern: (name) => (Object.hasOwn(stages, name) ? (stages[name] ?? []) : []),
    config,
  };
}

function syntaxError(source: string): ExprSyntaxError {
  return syntaxErrorOf(source, compileExpression);
}

const SEED =
  "eventType == 'view' && productId == first(getEventsForPattern('initial_view')).productId && price < first(getEventsForPattern('initial_view')).price";

describe("CEP conditions", () => {
  it("runs the seed condition against the partial match", () => {
    const c = compileExpression(SEED);
    const initial = [{ eventType: "view", productId: "p1", price: 300 }];
    expect(c.test(env({ eventType: "view", productId: "p1", price: 250 }, { initial_view: initial }))).toBe(
      true,
    );
    expect(c.test(env({ eventType: "view", productId: "p1", price: 350 }, { initial_view: initial }))).toBe(
      false,
    );
    expect(c.test(env({ eventType: "view", productId: "p2", price: 250 }, { initial_view: initial }))).toBe(
      false,
    );
    expect(c.test(env({ eventType: "cart", productId: "p1", price: 250 }, { initial_view: initial }))).toBe(
      false,
    );
    // No initial view yet: productId == nil is false, and && short-circuits before `price < nil`.
    expect(c.test(env({ eventType: "view", productId: "p1", price: 250 }))).toBe(false);
    expect(c.referencedStages).toEqual(["initial_view"]);
    expect(c.referencedFields).toEqual(["eventType", "productId", "price"]);
  });

  it("folds over matched events with reduce, filter and map", () => {
    const stages = { views: [{ price: 10 }, { price: 32.5 }, { price: 7 }] };
    const e = env({ limit: 40 }, stages);
    const sum = "reduce(getEventsForPattern('views'), lambda(acc, e) -> acc + e.price end, 0)";
    expect(compileExpression(sum).evaluate(e)).toBe(49.5);
    expect(compileExpression(`${sum} > limit`).test(e)).toBe(true);
    expect(
      compileExpression("count(filter(getEventsForPattern('views'), lambda(e) -> e.price > 8 end))").evaluate(
        e,
      ),
    ).toBe(2);
    expect(
      compileExpression("map(getEventsForPattern('views'), lambda(e) -> e.price * 2 end)").evaluate(e),
    ).toEqual([20, 65, 14]);
    expect(
      compileExpression("reduce(map(getEventsForPattern('views'), lambda(e) -> e.price end), +, 0)").evaluate(
        e,
      ),
    ).toBe(49.5);
    expect(
      compileExpression("seq.every(getEventsForPattern('views'), lambda(e) -> e.price < limit end)").test(e),
    ).toBe(true);
    expect(compileExpression("last(getEventsForPattern('views')).price").evaluate(e)).toBe(7);
    expect(compileExpression("getEventsForPattern('views')[1].price").evaluate(e)).toBe(32.5);
  });

  it("lets lambda bodies read event fields and enclosing parameters", () => {
    const e = env({ threshold: 5 }, { a: [{ v: 3 }, { v: 8 }] });
    expect(
      compileExpression("filter(getEventsForPattern('a'), lambda(x) -> x.v > threshold end)").evaluate(e),
    ).toEqual([{ v: 8 }]);
    const nested =
      "map(getEventsForPattern('a'), lambda(x) -> count(filter(getEventsForPattern('a'), lambda(y) -> y.v < x.v end)) end)";
    expect(compileExpression(nested).evaluate(e)).toEqual([0, 1]);
  });

  it("reads nested paths, and config.* from the environment", () => {
    const event = { data: { productId: "p9", tags: ["a"] }, config: undefined };
    expect(compileExpression("data.productId").evaluate(env(event))).toBe("p9");
    expect(compileExpression("data.missing.deeper").evaluate(env(event))).toBe(null);
    expect(compileExpression("data.tags[0]").evaluate(env(event))).toBe("a");
    const c = compileExpression("price > config.minPrice");
    expect(c.test(env({ price: 10 }, {}, { minPrice: 5 }))).toBe(true);
    expect(c.test(env({ price: 1 }, {}, { minPrice: 5 }))).toBe(false);
    expect(
      compileExpression("config.minPrice").evaluate(env({ config: { minPrice: 1 } }, {}, { minPrice: 5 })),
    ).toBe(1);
    expect(compileExpression("config.minPrice").evaluate(env({}))).toBe(null);
    // A field literally named "a.b" wins over the path, as in Aviator's env lookup.
    expect(compileExpression("a.b").evaluate(env({ "a.b": 1, a: { b: 2 } }))).toBe(1);
  });

  it("lists referenced fields without lambda parameters or captures", () => {
    const c = compileExpression(
      "s =~ /(x)/ && $1 == 'x' && count(filter(getEventsForPattern('a'), lambda(e) -> e.price > min end)) > 0 && data.id != nil",
    );
    expect(c.referencedFields).toEqual(["s", "min", "data.id"]);
    expect(c.referencedStages).toEqual(["a"]);
    expect(compileExpression("getEventsForPattern(name)").referencedStages).toEqual([]);
  });
});

describe("test()", () => {
  it("is true only for boolean true and fails on non-boolean results", () => {
    expect(compileExpression("1 == 1").test(env())).toBe(true);
    expect(compileExpression("1 == 2").test(env())).toBe(false);
    expect(() => compileExpression("1 + 1").test(env())).toThrow(ExprRuntimeError);
    expect(() => compileExpression("missing").test(env())).toThrow(
      /must evaluate to a boolean, but this one gave nil/,
    );
    expect(compileExpression("flag").test(env({ flag: true }))).toBe(true);
  });

  it("wraps host failures in ExprRuntimeError", () => {
    const broken: ExprEnvironment = {
      event: {},
      getEventsForPattern: () => {
        throw new TypeError("boom");
      },
    };
    expect(() => compileExpression("count(getEventsForPattern('a')) > 0").test(broken)).toThrow(
      ExprRuntimeError,
    );
    expect(() =>
      compileExpression("count(getEventsForPattern(n)) > 0").test({ ...broken, event: { n: "a" } }),
    ).toThrow(/TypeError: boom/);
  });
});

describe("prototype safety", () => {
  const names = [
    "constructor",
    "__proto__",
    "toString",
    "prototype",
    "hasOwnProperty",
    "valueOf",
    "__defineGetter__",
  ];

  it("treats inherited names as missing fields", () => {
    for (const name of names) {
      expect(compileExpression(name).evaluate(env({ a: 1 }))).toBe(null);
      expect(compileExpression(`${name} == nil`).test(env({ a: 1 }))).toBe(true);
      expect(compileExpression(`a.${name}`).evaluate(env({ a: { b: 1 } }))).toBe(null);
      expect(compileExpression(`(a).${name}`).evaluate(env({ a: "str" }))).toBe(null);
      expect(compileExpression(`xs.${name}`).evaluate(env({ xs: [1] }))).toBe(null);
      expect(compileExpression(`m['${name}']`).evaluate(env({ m: {} }))).toBe(null);
      expect(compileExpression(`seq.get(m, '${name}')`).evaluate(env({ m: {} }))).toBe(null);
    }
    expect(compileExpression("__proto__.x").evaluate(env({}))).toBe(null);
    expect(compileExpression("constructor.constructor").evaluate(env({}))).toBe(null);
    expect(compileExpression("xs.length").evaluate(env({ xs: [1, 2] }))).toBe(null);
  });

  it("reads such names when the event owns them", () => {
    const event = JSON.parse('{"__proto__": {"x": 1}, "constructor": "c"}') as Record<string, unknown>;
    expect(compileExpression("__proto__.x").evaluate(env(event))).toBe(1);
    expect(compileExpression("constructor").evaluate(env(event))).toBe("c");
  });

  it("never calls host functions or exposes interpreter internals", () => {
    let called = false;
    const fn = (): string => {
      called = true;
      return "x";
    };
    const e = env({ f: fn, o: { toString: fn } });
    expect(() => compileExpression("map(seq.list(1), f)").evaluate(e)).toThrow(/must be a function/);
    expect(() => compileExpression("reduce(seq.list(1), f, 0)").evaluate(e)).toThrow(ExprRuntimeError);
    expect(compileExpression("'' + o").evaluate(e)).toBe("{toString=<object>}");
    expect(compileExpression("str(f)").evaluate(e)).toBe("<object>");
    expect(called).toBe(false);
    expect(compileExpression("(lambda(x) -> x end).body").evaluate(e)).toBe(null);
    expect(compileExpression("(1.0).value").evaluate(e)).toBe(null);
    expect(compileExpression("(/a/).full").evaluate(e)).toBe(null);
    expect(syntaxError("constructor(1)").detail).toBe("unknown function 'constructor'");
    expect(syntaxError("toString(x)").detail).toMatch(/unknown function 'toString'/);
  });
});

describe("hostile host data", () => {
  it("stays bounded on cyclic events", () => {
    const wide: Record<string, unknown> = {};
    for (let i = 0; i < 10; i++) wide[`k${i}`] = wide;
    const list: unknown[] = [];
    for (let i = 0; i < 10; i++) list.push(list);
    const other: Record<string, unknown> = {};
    for (let i = 0; i < 10; i++) other[`k${i}`] = other;
    const e = env({ wide, other, list });
    expect(() => compileExpression("str(wide)").evaluate(e)).toThrow(/too large to convert/);
    expect(compileExpression("wide == other").evaluate(e)).toBe(false); // depth-bounded, no hang
    expect(compileExpression("wide == wide").evaluate(e)).toBe(true);
    expect(compileExpression("list").evaluate(e)).toBe(list);
    expect(compileExpression("count(seq.list(list, 1.0))").evaluate(e)).toBe(2);
    expect(compileExpression("seq.list(list, 1.0)").evaluate(e)).toEqual([list, 1]);
  });
});

describe("static checks", () => {
  it("reports unknown functions with a suggestion", () => {
    const e = syntaxError("a == 1 && flor(x) > 1");
    expect(e.message).toBe("1:11: unknown function 'flor' (did you mean 'math.floor'?)");
    expect(syntaxError("string.contain(s, 'a')").detail).toBe(
      "unknown function 'string.contain' (did you mean 'string.contains'?)",
    );
    expect(syntaxError("frobnicate(1)").detail).toBe("unknown function 'frobnicate'");
    expect(syntaxError("string.toUpperCase(s)").detail).toMatch(/^unknown function 'string.toUpperCase'/);
  });

  it("checks argument counts and lambda shapes", () => {
    expect(syntaxError("string.contains(s)").detail).toBe(
      "function 'string.contains' expects 2 argument(s) but got 1",
    );
    expect(syntaxError("string.substring(s)").detail).toMatch(/expects 2 to 3 argument/);
    expect(syntaxError("first()").detail).toMatch(/expects 1 argument/);
    const e = syntaxError("reduce(xs, lambda(e) -> e end, 0)");
    expect(e.detail).toBe("'reduce' calls this function with 2 argument(s), but it takes 1");
    expect(e.column).toBe(12);
    expect(syntaxError("filter(xs, +)").detail).toMatch(/takes 2/);
  });

  it("reports errors on the right line in multi-line conditions", () => {
    const e = syntaxError("eventType == 'view'\n  && math.flor(price) > 2");
    expect([e.line, e.column]).toEqual([2, 6]);
  });
});
