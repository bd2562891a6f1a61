/**
 * Fixtures shared by the ported operator suites (`CEPOperatorTest`, `CEPITCase`): Flink's test
 * `SubEvent`, the `subtype(SubEvent.class)` condition and its binding, the `NFAFactory`
 * patterns of `CEPOperatorTest`, and the ordering `compareMaps` sorts matches by.
 */
import type { SubtypeCondition } from "../../../model/condition.ts";
import type { ConditionBindings } from "../../../model/pattern.ts";
import { PatternBuilder } from "../../../model/patternBuilder.ts";
import type { EventRecord } from "../../api.ts";
import { ev, type TestEvent } from "../../testing/nfaTestHarness.ts";

/** Flink's test `SubEvent(id, name, price, volume)`, an `Event` subclass. */
export function subEvent(id: number, name: string, price: number, volume: number): TestEvent {
  return ev(id, name, price, { volume, eventClass: "SubEvent" });
}

/** `subtype(SubEvent.class)`. */
export const SUBTYPE_SUB_EVENT: SubtypeCondition = {
  type: "subtype",
  className: "org.apache.flink.cep.Event",
  subClassName: "SubEvent",
};

/** How CEP Studio tells a `SubEvent` from a plain `Event`. */
export const SUB_EVENT_BINDINGS: ConditionBindings = { SubEvent: "eventClass == 'SubEvent'" };

/** Stand-ins for `Long.MIN_VALUE` / `Long.MAX_VALUE` watermarks. */
export const LONG_MIN_VALUE = Number.MIN_SAFE_INTEGER;
export const LONG_MAX_VALUE = Number.MAX_SAFE_INTEGER;

/** `CEPOperatorTest.NFAFactory`: start, followedByAny SubEvent with volume > 5, followedByAny end, within 10 ms. */
export function nfaFactoryPattern(): PatternBuilder {
  return PatternBuilder.begin("start")
    .where("name == 'start'")
    .followedByAny("middle")
    .where(SUBTYPE_SUB_EVENT)
    .where("volume > 5.0")
    .followedByAny("end")
    .where("name == 'end'")
    .within(10);
}

/** `CEPOperatorTest.ComplexNFAFactory`: c, a+ optional, b optional, a, within 10 ms. */
export function complexNfaFactoryPattern(): PatternBuilder {
  return PatternBuilder.begin("start")
    .where("name == 'c'")
    .followedBy("middle1")
    .where("name == 'a'")
    .oneOrMore()
    .optional()
    .followedBy("middle2")
    .where("name == 'b'")
    .optional()
    .followedBy("end")
    .where("name == 'a'")
    .within(10);
}

/** `CEPOperatorTest.SimpleNFAFactory`: c, a, b, within 10 ms. */
export function simpleNfaFactoryPattern(): PatternBuilder {
  return PatternBuilder.begin("start")
    .where("name == 'c'")
    .followedBy("middle")
    .where("name == 'a'")
    .followedBy("end")
    .where("name == 'b'")
    .within(10);
}

/** `CEPOperatorTest.EventComparator`: name, then price, then id. */
export function compareEvents(a: EventRecord, b: EventRecord): number {
  const nameA = a.name as string;
  const nameB = b.name as string;
  if (nameA !== nameB) return nameA < nameB ? -1 : 1;
  return (a.price as number) - (b.price as number) || (a.id as number) - (b.id as number);
}

/** What `compareMaps` compares: each match's events sorted, then matches by size and events. */
export function sortMatchLists(lists: readonly EventRecord[][]): EventRecord[][] {
  return lists
    .map((list) => [...list].sort(compareEvents))
    .sort((x, y) => {
      if (x.length !== y.length) return x.length - y.length;
      for (let i = 0; i < x.length; i++) {
        const c = compareEvents(x[i] as EventRecord, y[i] as EventRecord);
        if (c !== 0) return c;
      }
      return 0;
    });
}
