import { describe, expect, it } from "vitest";
import { createDefaultDocument } from "../document/defaultDocument.ts";
import {
  afterMatchChoices,
  DEFAULT_JAVA_SETTINGS,
  DEFAULT_SQL_SETTINGS,
  fileSafe,
  javaClassNameFor,
  javaPreview,
  jsonPreview,
  ruleSetPreview,
  sqlPreview,
} from "./exportPreview.ts";

const doc = createDefaultDocument();
const first = doc.rules[0];
if (!first) throw new Error("the default document has no rule");
const rule = first.rule;

describe("exportPreview", () => {
  it("writes the rule's JSON as <id>.json", () => {
    const preview = jsonPreview(rule);
    expect(preview.fileName).toBe("1.json");
    expect(JSON.parse(preview.text ?? "")).toMatchObject({ id: "1", version: 1 });
  });

  it("writes only the enabled rules into the rule set", () => {
    const preview = ruleSetPreview(doc.rules);
    const parsed: unknown = JSON.parse(preview.text ?? "");
    expect(parsed).toHaveLength(1);
    expect(preview.fileName).toBe("rules.json");
    const none = ruleSetPreview(doc.rules.map((r) => ({ ...r, enabled: false })));
    expect(none.text).toBe("[]\n");
    expect(none.notes[0]?.severity).toBe("warning");
  });

  it("refuses NO_SKIP in SQL with a plain note, and writes SQL once another strategy is chosen", () => {
    const refused = sqlPreview(rule, doc.bindings, DEFAULT_SQL_SETTINGS);
    expect(refused.text).toBeNull();
    expect(refused.notes.find((n) => n.severity === "error")?.message).toMatch(/NO_SKIP/);

    const sql = sqlPreview(rule, doc.bindings, {
      ...DEFAULT_SQL_SETTINGS,
      afterMatch: "SKIP_PAST_LAST_EVENT",
      partitionBy: " userId , ",
    });
    expect(sql.text).toContain("AFTER MATCH SKIP PAST LAST ROW");
    expect(sql.text).toContain("PARTITION BY userId");
    expect(sql.fileName).toBe("1.sql");
  });

  it("offers SKIP TO FIRST/LAST for each top-level stage", () => {
    const values = afterMatchChoices(rule).map((c) => c.value);
    expect(values).toContain("SKIP_TO_FIRST:first_view");
    const sql = sqlPreview(rule, doc.bindings, {
      ...DEFAULT_SQL_SETTINGS,
      afterMatch: "SKIP_TO_LAST:second_view",
    });
    expect(sql.text).toContain("AFTER MATCH SKIP TO LAST second_view");
    // first_view holds every match's first row: SQL's throwExceptionOnMiss() would fail the job.
    const refused = sqlPreview(rule, doc.bindings, {
      ...DEFAULT_SQL_SETTINGS,
      afterMatch: "SKIP_TO_LAST:first_view",
    });
    expect(refused.text).toBeNull();
    expect(refused.notes.map((n) => n.severity)).toContain("error");
  });

  it("names the Java file after its class", () => {
    const java = javaPreview(rule, DEFAULT_JAVA_SETTINGS);
    expect(java.fileName).toBe("Rule1Pattern.java");
    expect(java.text).toContain("public final class Rule1Pattern");
    expect(javaClassNameFor("order-rule 7")).toBe("Ruleorderrule7Pattern");
  });

  it("makes ids safe as file names", () => {
    expect(fileSafe("a/b\\c:d")).toBe("a_b_c_d");
    expect(fileSafe("..hidden")).toBe("_hidden");
    expect(fileSafe("")).toBe("rule");
  });
});
