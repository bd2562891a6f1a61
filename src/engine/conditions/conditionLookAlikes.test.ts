/**
 * conditionLookAlikeDiagnostics: AVIATOR string and regex literals holding look-alikes, found with
 * the condition language's parser, as warnings on their stage at the expression's JSON path.
 */
import { describe, expect, it } from "vitest";
import { PatternBuilder } from "../../model/patternBuilder.ts";
import { conditionLookAlikeDiagnostics } from "../index.ts";

describe("conditionLookAlikeDiagnostics", () => {
  it("warns about a string literal mixing Latin with a Cyrillic look-alike, naming the literal and the letter", () => {
    const pattern = PatternBuilder.begin("a")
      .where("event_type == 'v\u0456ew'")
      .followedBy("b")
      .where("event_type == 'cart'")
      .build();
    expect(conditionLookAlikeDiagnostics(pattern)).toEqual([
      {
        severity: "warning",
        stage: "a",
        path: "nodes[1].condition.expression",
        message:
          "stage 'a': the string 'v\u0456ew' in the condition holds a look-alike: U+0456 CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I (looks like Latin 'i') at character 2: it never equals the text it looks like ('view'). Flink accepts it; replace the look-alikes if that was not meant",
      },
    ]);
  });

  it("checks every literal of where and until conditions, nested and/or/not leaves and regexes included", () => {
    const pattern = PatternBuilder.begin("a")
      .where({
        type: "or",
        left: { type: "aviator", expression: "page == 'home'" },
        right: {
          type: "not",
          inner: { type: "aviator", expression: "string.contains(page, 'check\u2011out')" },
        },
      })
      .oneOrMore()
      .until("page =~ /c\u0430rt.*/ && note == 'a\u00a0b'")
      .build();
    expect(
      conditionLookAlikeDiagnostics(pattern).map((d) => [d.path, d.message.split(" holds ")[0]]),
    ).toEqual([
      [
        "nodes[0].condition.nestedConditions[1].nestedConditions[0].expression",
        "stage 'a': the string 'check\u2011out' in the condition",
      ],
      [
        "nodes[0].quantifier.untilCondition.expression",
        "stage 'a': the regex /c\u0430rt.*/ in the condition",
      ],
      ["nodes[0].quantifier.untilCondition.expression", "stage 'a': the string 'a\u00a0b' in the condition"],
    ]);
  });

  it("leaves alone strings wholly in another script, names and comments, and expressions that do not parse", () => {
    const clean = [
      "city == 'Москва'",
      "city == 'Москва Moscow'",
      "## v\u0456ew in a comment\nkind == 'view'",
      "v\u0456ew == 'view'",
      "kind == 'v\u0456ew",
    ];
    for (const expression of clean) {
      expect(conditionLookAlikeDiagnostics(PatternBuilder.begin("a").where(expression).build())).toEqual([]);
    }
  });
});
