import { describe, expect, it } from "vitest";
import type { Condition } from "../../model/condition.ts";
import { conditionKind, conditionKindsFor, withConditionKind } from "./conditionKind.ts";

const view: Condition = { type: "aviator", expression: "eventType == 'view'" };
const cls: Condition = { type: "class", className: "com.example.ViewCondition" };

describe("withConditionKind", () => {
  it("wraps the current condition when it becomes a composite", () => {
    expect(withConditionKind(view, "and")).toEqual({
      type: "and",
      left: view,
      right: { type: "aviator", expression: "" },
    });
    expect(withConditionKind(view, "not")).toEqual({ type: "not", inner: view });
    expect(withConditionKind(null, "not")).toEqual({
      type: "not",
      inner: { type: "aviator", expression: "" },
    });
  });

  it("keeps operands between And and Or, and unwraps back to the first operand's kind", () => {
    const and = { type: "and", left: cls, right: view } as const;
    expect(withConditionKind(and, "or")).toEqual({ type: "or", left: cls, right: view });
    expect(withConditionKind(and, "class")).toBe(cls);
    expect(withConditionKind({ type: "not", inner: view }, "aviator")).toBe(view);
  });

  it("carries class names and expression text across compatible kinds", () => {
    expect(withConditionKind(cls, "subtype")).toEqual({
      type: "subtype",
      className: cls.className,
      subClassName: "",
    });
    expect(withConditionKind({ type: "groovy", expression: "a > 1" }, "aviator")).toEqual({
      type: "aviator",
      expression: "a > 1",
    });
    expect(withConditionKind(view, "class")).toEqual({ type: "class", className: "" });
  });

  it("is the identity for the same kind and null for none", () => {
    expect(withConditionKind(view, "aviator")).toBe(view);
    expect(withConditionKind(view, "none")).toBeNull();
    expect(conditionKind(null)).toBe("none");
  });

  it("offers Groovy only for a Groovy condition", () => {
    expect(conditionKindsFor(view)).not.toContain("groovy");
    expect(conditionKindsFor({ type: "groovy", expression: "" })).toContain("groovy");
  });
});
