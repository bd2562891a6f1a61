import type { Condition, EdgeContiguity, GraphNode, Quantifier } from "../model/index.ts";
import { durationToMillis, isGreedy, isOptional, quantifierKind, stageChain } from "../model/index.ts";

/** Flink's words for an edge's contiguity. */
const CONTIGUITY_LABEL: Readonly<Record<EdgeContiguity, string>> = {
  STRICT: "next",
  SKIP_TILL_NEXT: "followedBy",
  SKIP_TILL_ANY: "followedByAny",
  NOT_NEXT: "notNext",
  NOT_FOLLOW: "notFollowedBy",
};

/** The pattern read from its begin stage along its edges: a quick, read-only view of the chain. */
export function StageChain({ pattern }: { pattern: GraphNode }) {
  const chain = stageChain(pattern).links;
  return (
    <div className="chain">
      <ol className="stages">
        {chain.map(({ node, contiguity }) => (
          <li key={node.name} className={contiguity?.startsWith("NOT") ? "stage negated" : "stage"}>
            {contiguity && <span className="edge">{CONTIGUITY_LABEL[contiguity]}</span>}
            <span className="stage-card">
              <span className="stage-name">{node.name}</span>
              {node.quantifier && <span className="badge">{quantifierBadge(node.quantifier)}</span>}
              <span className="stage-condition">
                {node.type === "ATOMIC" ? conditionSummary(node.condition) : "group"}
              </span>
            </span>
          </li>
        ))}
      </ol>
      <p className="muted">
        {pattern.window
          ? `within ${durationToMillis(pattern.window.time) / 60_000} min (${pattern.window.type})`
          : "no window"}
        {" · after match: "}
        {pattern.afterMatchStrategy.type}
        {pattern.afterMatchStrategy.patternName ? `(${pattern.afterMatchStrategy.patternName})` : ""}
      </p>
    </div>
  );
}

function quantifierBadge(q: Quantifier): string {
  const kind = quantifierKind(q);
  let text = "1";
  if (kind === "LOOPING") text = q.times && q.times.from > 1 ? `{${q.times.from},}` : "+";
  if (kind === "TIMES" && q.times)
    text = q.times.from === q.times.to ? `{${q.times.from}}` : `{${q.times.from},${q.times.to}}`;
  if (isOptional(q)) text += "?";
  if (isGreedy(q)) text += " greedy";
  return text;
}

function conditionSummary(condition: Condition | null): string {
  if (condition === null) return "any event";
  switch (condition.type) {
    case "aviator":
    case "groovy":
      return condition.expression;
    case "class":
      return condition.className.split(".").at(-1) ?? condition.className;
    case "subtype":
      return `subtype ${condition.subClassName}`;
    case "and":
      return `${conditionSummary(condition.left)} and ${conditionSummary(condition.right)}`;
    case "or":
      return `${conditionSummary(condition.left)} or ${conditionSummary(condition.right)}`;
    case "not":
      return `not ${conditionSummary(condition.inner)}`;
  }
}
