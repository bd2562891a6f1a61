/**
 * Port of Apache Flink CEP's `TimesRangeITCase`
 * (flink-libraries/flink-cep/src/test/java/org/apache/flink/cep/nfa/TimesRangeITCase.java, the
 * parameterized revision), method by method. Every Flink test method is ported; none is skipped.
 *
 * Flink runs the class twice (`@Parameterized`): with `time = null` and with
 * `time = Time.milliseconds(3)`, passed as `times(from, to, time)` — the window between consecutive
 * iterations of the times stage. Here that is `describe.each` over `null` / `3` ms, and
 * `times(a, b, time)` becomes `.times(a, b, time ?? undefined)`. Expectations that Flink only adds
 * `if (time == null)` are added the same way.
 */
import { describe, it } from "vitest";
import { PatternBuilder } from "../../model/patternBuilder.ts";
import { comparePatterns, ev, feedNFA, type TestEvent, type TestInput } from "../testing/nfaTestHarness.ts";

/** Flink's private `ConsecutiveData` holder. */
const ConsecutiveData = {
  startEvent: ev(40, "c", 1.0),
  middleEvent1: ev(41, "a", 2.0),
  middleEvent2: ev(42, "a", 3.0),
  middleEvent3: ev(43, "a", 4.0),
  end: ev(44, "b", 5.0),
} as const;

describe("TimesRangeITCase", () => {
  describe.each([null, 3])("Times Range Time: %s", (timeMillis) => {
    const time = timeMillis ?? undefined;

    it("testTimesRange", () => {
      const startEvent = ev(40, "c", 1.0);
      const middleEvent1 = ev(41, "a", 2.0);
      const middleEvent2 = ev(42, "a", 3.0);
      const middleEvent3 = ev(43, "a", 4.0);
      const end1 = ev(44, "b", 5.0);

      const inputEvents: TestInput = [
        [startEvent, 1],
        [middleEvent1, 2],
        [middleEvent2, 3],
        [middleEvent3, 4],
        [end1, 6],
      ];

      const pattern = PatternBuilder.begin("start")
        .where("name == 'c'")
        .next("middle")
        .where("name == 'a'")
        .times(1, 3, time)
        .allowCombinations()
        .followedBy("end1")
        .where("name == 'b'");

      const resultingPatterns = feedNFA(pattern, inputEvents);

      comparePatterns(resultingPatterns, [
        [startEvent, middleEvent1, middleEvent2, middleEvent3, end1],
        [startEvent, middleEvent1, middleEvent2, end1],
        [startEvent, middleEvent1, middleEvent3, end1],
        [startEvent, middleEvent1, end1],
      ]);
    });

    it("testTimesRangeFromZero", () => {
      const startEvent = ev(40, "c", 1.0);
      const middleEvent1 = ev(41, "a", 2.0);
      const middleEvent2 = ev(42, "a", 3.0);
      const middleEvent3 = ev(43, "a", 4.0);
      const end1 = ev(44, "b", 5.0);

      const inputEvents: TestInput = [
        [startEvent, 1],
        [middleEvent1, 2],
        [middleEvent2, 3],
        [middleEvent3, 4],
        [end1, 6],
      ];

      const pattern = PatternBuilder.begin("start")
        .where("name == 'c'")
        .next("middle")
        .where("name == 'a'")
        .times(0, 2, time)
        .allowCombinations()
        .followedBy("end1")
        .where("name == 'b'");

      const resultingPatterns = feedNFA(pattern, inputEvents);

      comparePatterns(resultingPatterns, [
        [startEvent, middleEvent1, middleEvent2, end1],
        [startEvent, middleEvent1, middleEvent3, end1],
        [startEvent, middleEvent1, end1],
        [startEvent, end1],
      ]);
    });

    it("testTimesRangeNonStrict", () => {
      const inputEvents: TestInput = [
        [ConsecutiveData.startEvent, 1],
        [ev(23, "f", 1.0), 2],
        [ConsecutiveData.middleEvent1, 3],
        [ev(23, "f", 1.0), 4],
        [ConsecutiveData.middleEvent2, 5],
        [ConsecutiveData.middleEvent3, 6],
        [ConsecutiveData.end, 7],
      ];

      const pattern = PatternBuilder.begin("start")
        .where("name == 'c'")
        .followedByAny("middle")
        .where("name == 'a'")
        .times(1, 3, time)
        .allowCombinations()
        .followedBy("end1")
        .where("name == 'b'");

      const resultingPatterns = feedNFA(pattern, inputEvents);

      const expectedPatterns: TestEvent[][] = [
        [
          ConsecutiveData.startEvent,
          ConsecutiveData.middleEvent1,
          ConsecutiveData.middleEvent2,
          ConsecutiveData.middleEvent3,
          ConsecutiveData.end,
        ],
        [
          ConsecutiveData.startEvent,
          ConsecutiveData.middleEvent1,
          ConsecutiveData.middleEvent2,
          ConsecutiveData.end,
        ],
        [
          ConsecutiveData.startEvent,
          ConsecutiveData.middleEvent1,
          ConsecutiveData.middleEvent3,
          ConsecutiveData.end,
        ],
        [ConsecutiveData.startEvent, ConsecutiveData.middleEvent1, ConsecutiveData.end],
      ];
      if (time === undefined) {
        expectedPatterns.push(
          [
            ConsecutiveData.startEvent,
            ConsecutiveData.middleEvent2,
            ConsecutiveData.middleEvent3,
            ConsecutiveData.end,
          ],
          [ConsecutiveData.startEvent, ConsecutiveData.middleEvent2, ConsecutiveData.end],
          [ConsecutiveData.startEvent, ConsecutiveData.middleEvent3, ConsecutiveData.end],
        );
      }

      comparePatterns(resultingPatterns, expectedPatterns);
    });

    it("testTimesRangeStrict", () => {
      const inputEvents: TestInput = [
        [ConsecutiveData.startEvent, 1],
        [ev(23, "f", 1.0), 2],
        [ConsecutiveData.middleEvent1, 3],
        [ev(23, "f", 1.0), 4],
        [ConsecutiveData.middleEvent2, 5],
        [ConsecutiveData.middleEvent3, 6],
        [ConsecutiveData.end, 7],
      ];

      const pattern = PatternBuilder.begin("start")
        .where("name == 'c'")
        .followedByAny("middle")
        .where("name == 'a'")
        .times(0, 3, time)
        .consecutive()
        .followedBy("end1")
        .where("name == 'b'");

      const resultingPatterns = feedNFA(pattern, inputEvents);

      comparePatterns(resultingPatterns, [
        [
          ConsecutiveData.startEvent,
          ConsecutiveData.middleEvent2,
          ConsecutiveData.middleEvent3,
          ConsecutiveData.end,
        ],
        [ConsecutiveData.startEvent, ConsecutiveData.middleEvent1, ConsecutiveData.end],
        [ConsecutiveData.startEvent, ConsecutiveData.middleEvent2, ConsecutiveData.end],
        [ConsecutiveData.startEvent, ConsecutiveData.middleEvent3, ConsecutiveData.end],
        [ConsecutiveData.startEvent, ConsecutiveData.end],
      ]);
    });

    it("testTimesRangeStrictOptional", () => {
      const inputEvents: TestInput = [
        [ConsecutiveData.startEvent, 1],
        [ev(23, "f", 1.0), 2],
        [ConsecutiveData.middleEvent1, 3],
        [ev(23, "f", 1.0), 4],
        [ConsecutiveData.middleEvent2, 5],
        [ConsecutiveData.middleEvent3, 6],
        [ConsecutiveData.end, 7],
      ];

      const pattern = PatternBuilder.begin("start")
        .where("name == 'c'")
        .followedByAny("middle")
        .where("name == 'a'")
        .times(1, 3, time)
        .consecutive()
        .optional()
        .followedBy("end1")
        .where("name == 'b'");

      const resultingPatterns = feedNFA(pattern, inputEvents);

      comparePatterns(resultingPatterns, [
        [
          ConsecutiveData.startEvent,
          ConsecutiveData.middleEvent2,
          ConsecutiveData.middleEvent3,
          ConsecutiveData.end,
        ],
        [ConsecutiveData.startEvent, ConsecutiveData.middleEvent1, ConsecutiveData.end],
        [ConsecutiveData.startEvent, ConsecutiveData.middleEvent2, ConsecutiveData.end],
        [ConsecutiveData.startEvent, ConsecutiveData.middleEvent3, ConsecutiveData.end],
        [ConsecutiveData.startEvent, ConsecutiveData.end],
      ]);
    });

    it("testTimesRangeStrictOptional1", () => {
      const inputEvents: TestInput = [
        [ConsecutiveData.startEvent, 1],
        [ConsecutiveData.middleEvent1, 3],
        [ConsecutiveData.middleEvent2, 5],
        [ConsecutiveData.middleEvent3, 6],
        [ConsecutiveData.end, 7],
      ];

      const pattern = PatternBuilder.begin("start")
        .where("name == 'c'")
        .next("middle")
        .where("name == 'a'")
        .times(1, 3, time)
        .consecutive()
        .optional()
        .followedBy("end1")
        .where("name == 'b'");

      const resultingPatterns = feedNFA(pattern, inputEvents);

      comparePatterns(resultingPatterns, [
        [
          ConsecutiveData.startEvent,
          ConsecutiveData.middleEvent1,
          ConsecutiveData.middleEvent2,
          ConsecutiveData.middleEvent3,
          ConsecutiveData.end,
        ],
        [
          ConsecutiveData.startEvent,
          ConsecutiveData.middleEvent1,
          ConsecutiveData.middleEvent2,
          ConsecutiveData.end,
        ],
        [ConsecutiveData.startEvent, ConsecutiveData.middleEvent1, ConsecutiveData.end],
        [ConsecutiveData.startEvent, ConsecutiveData.end],
      ]);
    });

    it("testTimesRangeNonStrictOptional1", () => {
      const inputEvents: TestInput = [
        [ConsecutiveData.startEvent, 1],
        [ev(23, "f", 1.0), 2],
        [ConsecutiveData.end, 7],
      ];

      const pattern = PatternBuilder.begin("start")
        .where("name == 'c'")
        .followedBy("middle")
        .where("name == 'a'")
        .times(1, 3, time)
        .optional()
        .followedBy("end1")
        .where("name == 'b'");

      const resultingPatterns = feedNFA(pattern, inputEvents);

      comparePatterns(resultingPatterns, [[ConsecutiveData.startEvent, ConsecutiveData.end]]);
    });

    it("testTimesRangeNonStrictOptional2", () => {
      const inputEvents: TestInput = [
        [ConsecutiveData.startEvent, 1],
        [ev(23, "f", 1.0), 2],
        [ConsecutiveData.middleEvent1, 3],
        [ev(23, "f", 1.0), 4],
        [ConsecutiveData.middleEvent2, 5],
        [ConsecutiveData.middleEvent3, 6],
        [ConsecutiveData.end, 7],
      ];

      const pattern = PatternBuilder.begin("start")
        .where("name == 'c'")
        .followedByAny("middle")
        .where("name == 'a'")
        .times(2, 3, time)
        .allowCombinations()
        .optional()
        .followedBy("end1")
        .where("name == 'b'");

      const resultingPatterns = feedNFA(pattern, inputEvents);

      const expectedPatterns: TestEvent[][] = [
        [
          ConsecutiveData.startEvent,
          ConsecutiveData.middleEvent1,
          ConsecutiveData.middleEvent2,
          ConsecutiveData.middleEvent3,
          ConsecutiveData.end,
        ],
        [
          ConsecutiveData.startEvent,
          ConsecutiveData.middleEvent1,
          ConsecutiveData.middleEvent2,
          ConsecutiveData.end,
        ],
        [
          ConsecutiveData.startEvent,
          ConsecutiveData.middleEvent2,
          ConsecutiveData.middleEvent3,
          ConsecutiveData.end,
        ],
        [ConsecutiveData.startEvent, ConsecutiveData.end],
      ];
      if (time === undefined) {
        expectedPatterns.push([
          ConsecutiveData.startEvent,
          ConsecutiveData.middleEvent1,
          ConsecutiveData.middleEvent3,
          ConsecutiveData.end,
        ]);
      }

      comparePatterns(resultingPatterns, expectedPatterns);
    });

    it("testTimesRangeNonStrictOptional3", () => {
      const inputEvents: TestInput = [
        [ConsecutiveData.startEvent, 1],
        [ev(23, "f", 1.0), 2],
        [ConsecutiveData.middleEvent1, 3],
        [ev(23, "f", 1.0), 4],
        [ConsecutiveData.middleEvent2, 5],
        [ConsecutiveData.middleEvent3, 6],
        [ConsecutiveData.end, 7],
      ];

      const pattern = PatternBuilder.begin("start")
        .where("name == 'c'")
        .followedByAny("middle")
        .where("name == 'a'")
        .times(2, 3, time)
        .optional()
        .followedBy("end1")
        .where("name == 'b'");

      const resultingPatterns = feedNFA(pattern, inputEvents);

      comparePatterns(resultingPatterns, [
        [
          ConsecutiveData.startEvent,
          ConsecutiveData.middleEvent1,
          ConsecutiveData.middleEvent2,
          ConsecutiveData.middleEvent3,
          ConsecutiveData.end,
        ],
        [
          ConsecutiveData.startEvent,
          ConsecutiveData.middleEvent1,
          ConsecutiveData.middleEvent2,
          ConsecutiveData.end,
        ],
        [
          ConsecutiveData.startEvent,
          ConsecutiveData.middleEvent2,
          ConsecutiveData.middleEvent3,
          ConsecutiveData.end,
        ],
        [ConsecutiveData.startEvent, ConsecutiveData.end],
      ]);
    });

    it("testTimesRangeNonStrictWithNext", () => {
      const inputEvents: TestInput = [
        [ConsecutiveData.startEvent, 1],
        [ConsecutiveData.middleEvent1, 2],
        [ev(23, "f", 1.0), 3],
        [ConsecutiveData.middleEvent2, 4],
        [ev(23, "f", 1.0), 5],
        [ConsecutiveData.middleEvent3, 6],
        [ConsecutiveData.end, 7],
      ];

      const pattern = PatternBuilder.begin("start")
        .where("name == 'c'")
        .next("middle")
        .where("name == 'a'")
        .times(2, 3, time)
        .allowCombinations()
        .followedBy("end1")
        .where("name == 'b'");

      const resultingPatterns = feedNFA(pattern, inputEvents);

      const expectedPatterns: TestEvent[][] = [
        [
          ConsecutiveData.startEvent,
          ConsecutiveData.middleEvent1,
          ConsecutiveData.middleEvent2,
          ConsecutiveData.middleEvent3,
          ConsecutiveData.end,
        ],
        [
          ConsecutiveData.startEvent,
          ConsecutiveData.middleEvent1,
          ConsecutiveData.middleEvent2,
          ConsecutiveData.end,
        ],
      ];
      if (time === undefined) {
        expectedPatterns.push([
          ConsecutiveData.startEvent,
          ConsecutiveData.middleEvent1,
          ConsecutiveData.middleEvent3,
          ConsecutiveData.end,
        ]);
      }

      comparePatterns(resultingPatterns, expectedPatterns);
    });

    it("testTimesRangeNotStrictWithFollowedBy", () => {
      const inputEvents: TestInput = [
        [ConsecutiveData.startEvent, 1],
        [ConsecutiveData.middleEvent1, 2],
        [ConsecutiveData.middleEvent2, 4],
        [ConsecutiveData.middleEvent3, 6],
        [ConsecutiveData.end, 7],
      ];

      const pattern = PatternBuilder.begin("start")
        .where("name == 'c'")
        .followedBy("middle")
        .where("name == 'a'")
        .times(2, 3, time)
        .followedBy("end1")
        .where("name == 'b'");

      const resultingPatterns = feedNFA(pattern, inputEvents);

      comparePatterns(resultingPatterns, [
        [
          ConsecutiveData.startEvent,
          ConsecutiveData.middleEvent1,
          ConsecutiveData.middleEvent2,
          ConsecutiveData.middleEvent3,
          ConsecutiveData.end,
        ],
        [
          ConsecutiveData.startEvent,
          ConsecutiveData.middleEvent1,
          ConsecutiveData.middleEvent2,
          ConsecutiveData.end,
        ],
      ]);
    });

    it("testTimesRangeNotStrictWithFollowedByAny", () => {
      const inputEvents: TestInput = [
        [ConsecutiveData.startEvent, 1],
        [ConsecutiveData.middleEvent1, 2],
        [ConsecutiveData.middleEvent2, 4],
        [ConsecutiveData.middleEvent3, 6],
        [ConsecutiveData.end, 7],
      ];

      const pattern = PatternBuilder.begin("start")
        .where("name == 'c'")
        .followedByAny("middle")
        .where("name == 'a'")
        .times(2, 3, time)
        .allowCombinations()
        .followedBy("end1")
        .where("name == 'b'");

      const resultingPatterns = feedNFA(pattern, inputEvents);

      const expectedPatterns: TestEvent[][] = [
        [
          ConsecutiveData.startEvent,
          ConsecutiveData.middleEvent1,
          ConsecutiveData.middleEvent2,
          ConsecutiveData.middleEvent3,
          ConsecutiveData.end,
        ],
        [
          ConsecutiveData.startEvent,
          ConsecutiveData.middleEvent1,
          ConsecutiveData.middleEvent2,
          ConsecutiveData.end,
        ],
      ];
      if (time === undefined) {
        expectedPatterns.push(
          [
            ConsecutiveData.startEvent,
            ConsecutiveData.middleEvent2,
            ConsecutiveData.middleEvent3,
            ConsecutiveData.end,
          ],
          [
            ConsecutiveData.startEvent,
            ConsecutiveData.middleEvent1,
            ConsecutiveData.middleEvent3,
            ConsecutiveData.end,
          ],
        );
      }

      comparePatterns(resultingPatterns, expectedPatterns);
    });
  });
});
