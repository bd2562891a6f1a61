/**
 * A builder shaped like Flink's Java Pattern API (`Pattern.begin("a").where(…).followedBy("b")…`)
 * that produces the pattern model. Ported Flink tests, templates and examples read like the Java
 * they come from, and still travel through the same model and JSON path users take.
 *
 * Conditions are condition-language expressions (strings) or model {@link Condition}s.
 * The graph is laid out as Flink's `GraphSpec.fromPattern` writes it: nodes and edges listed
 * last-to-first, the top level named after the last stage and carrying its quantifier.
 */
import type { Condition } from "./condition.ts";
import { millisToDuration } from "./duration.ts";
import type {
  AfterMatchSkipStrategy,
  Edge,
  EdgeContiguity,
  GraphNode,
  PatternNode,
  Quantifier,
  WindowType,
} from "./pattern.ts";
import {
  loopingQuantifier,
  singleQuantifier,
  timesQuantifier,
  withInnerContiguity,
  withProperty,
  withUntil,
} from "./quantifier.ts";

type ConditionInput = string | Condition;

interface StageDraft {
  readonly name: string;
  /** Contiguity of the edge into this stage; null for the begin stage. */
  readonly contiguity: EdgeContiguity | null;
  condition: Condition | null;
  quantifier: Quantifier;
  /** Set when the stage is a group pattern. */
  readonly group: GraphNode | null;
}

function toCondition(input: ConditionInput): Condition {
  return typeof input === "string" ? { type: "aviator", expression: input } : input;
}

/** Skip strategies, as `AfterMatchSkipStrategy.noSkip()` etc. */
export const AfterMatchSkip = {
  noSkip: (): AfterMatchSkipStrategy => ({ type: "NO_SKIP", patternName: null }),
  skipToNext: (): AfterMatchSkipStrategy => ({ type: "SKIP_TO_NEXT", patternName: null }),
  skipPastLastEvent: (): AfterMatchSkipStrategy => ({ type: "SKIP_PAST_LAST_EVENT", patternName: null }),
  skipToFirst: (name: string): AfterMatchSkipStrategy => ({ type: "SKIP_TO_FIRST", patternName: name }),
  skipToLast: (name: string): AfterMatchSkipStrategy => ({ type: "SKIP_TO_LAST", patternName: name }),
};

/** Builds a pattern the way `org.apache.flink.cep.pattern.Pattern` does. */
export class PatternBuilder {
  private readonly stages: StageDraft[] = [];
  private window: GraphNode["window"] = null;

  private constructor(private readonly skip: AfterMatchSkipStrategy) {}

  /** `Pattern.begin(name[, skip])` or `Pattern.begin(group[, skip])`. */
  static begin(first: string | PatternBuilder, skip: AfterMatchSkipStrategy = AfterMatchSkip.noSkip()) {
    const builder = new PatternBuilder(skip);
    builder.append(first, null);
    return builder;
  }

  next(stage: string | PatternBuilder): this {
    return this.append(stage, "STRICT");
  }
  followedBy(stage: string | PatternBuilder): this {
    return this.append(stage, "SKIP_TILL_NEXT");
  }
  followedByAny(stage: string | PatternBuilder): this {
    return this.append(stage, "SKIP_TILL_ANY");
  }
  notNext(name: string): this {
    return this.append(name, "NOT_NEXT");
  }
  notFollowedBy(name: string): this {
    return this.append(name, "NOT_FOLLOW");
  }

  /** A second `where` ANDs with the first (`RichAndCondition`), as in Flink. */
  where(condition: ConditionInput): this {
    const stage = this.current();
    const next = toCondition(condition);
    stage.condition = stage.condition ? { type: "and", left: stage.condition, right: next } : next;
    return this;
  }
  /** ORs with the current condition (`RichOrCondition`). */
  or(condition: ConditionInput): this {
    const stage = this.current();
    const next = toCondition(condition);
    stage.condition = stage.condition ? { type: "or", left: stage.condition, right: next } : next;
    return this;
  }

  oneOrMore(windowMillis?: number): this {
    return this.timesOrMore(1, windowMillis);
  }
  timesOrMore(times: number, windowMillis?: number): this {
    return this.setQuantifier(loopingQuantifier(times, windowOf(windowMillis)));
  }
  times(from: number, to?: number, windowMillis?: number): this {
    return this.setQuantifier(timesQuantifier(from, to ?? from, windowOf(windowMillis)));
  }
  optional(): this {
    return this.setQuantifier(withProperty(this.current().quantifier, "OPTIONAL"));
  }
  greedy(): this {
    return this.setQuantifier(withProperty(this.current().quantifier, "GREEDY"));
  }
  consecutive(): this {
    return this.setQuantifier(withInnerContiguity(this.current().quantifier, "STRICT"));
  }
  allowCombinations(): this {
    return this.setQuantifier(withInnerContiguity(this.current().quantifier, "SKIP_TILL_ANY"));
  }
  until(condition: ConditionInput): this {
    return this.setQuantifier(withUntil(this.current().quantifier, toCondition(condition)));
  }

  /** `within(Duration.ofMillis(ms)[, type])`: the graph's window (dynamic CEP has one per graph). */
  within(millis: number, type: WindowType = "FIRST_AND_LAST"): this {
    this.window = { type, time: millisToDuration(millis) };
    return this;
  }

  /** The pattern as the model's graph, laid out as `GraphSpec.fromPattern` writes it. */
  build(): GraphNode {
    const nodes: PatternNode[] = [];
    const edges: Edge[] = [];
    let previous: StageDraft | undefined;
    for (const stage of this.stages) {
      nodes.unshift(this.toNode(stage));
      if (previous && stage.contiguity) {
        edges.unshift({ source: previous.name, target: stage.name, type: stage.contiguity });
      }
      previous = stage;
    }
    const last = nodes[0];
    if (!last) throw new Error("a pattern needs at least one stage");
    return {
      type: "COMPOSITE",
      name: last.name,
      quantifier: last.quantifier,
      condition: null,
      nodes,
      edges,
      window: this.window,
      afterMatchStrategy: this.skip,
      version: 1,
    };
  }

  private toNode(stage: StageDraft): PatternNode {
    if (stage.group) return { ...stage.group, quantifier: stage.quantifier };
    return { type: "ATOMIC", name: stage.name, quantifier: stage.quantifier, condition: stage.condition };
  }

  private append(stage: string | PatternBuilder, contiguity: EdgeContiguity | null): this {
    if (typeof stage === "string") {
      this.stages.push({
        name: stage,
        contiguity,
        condition: null,
        quantifier: singleQuantifier(),
        group: null,
      });
    } else {
      const group = stage.build();
      this.stages.push({
        name: group.name,
        contiguity,
        condition: null,
        quantifier: singleQuantifier(),
        group,
      });
    }
    return this;
  }

  private setQuantifier(quantifier: Quantifier): this {
    this.current().quantifier = quantifier;
    return this;
  }

  private current(): StageDraft {
    const stage = this.stages.at(-1);
    if (!stage) throw new Error("no stage to modify");
    return stage;
  }
}

function windowOf(millis: number | undefined) {
  return millis === undefined ? null : millisToDuration(millis);
}
