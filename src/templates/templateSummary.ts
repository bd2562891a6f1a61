/**
 * The short texts a template card shows: the stage chain in the Pattern API's words
 * (`cart_add followedBy purchase`), the window and skip strategy, and which demo data fits.
 */
import {
  CONTIGUITY_WORDS,
  quantifierBadge,
  skipStrategyLabel,
  windowLabel,
} from "../designer/stageLabels.ts";
import type { GeneratedSchema } from "../formats/generator/index.ts";
import type { Rule } from "../model/pattern.ts";
import { stageChain } from "../model/stageChain.ts";
import type { TemplateDataHint } from "./template.ts";

/** `initial_view followedBy repeat_view{3}` — quantifier badges other than single appended. */
export function chainText(rule: Rule): string {
  return stageChain(rule.pattern)
    .links.map(({ node, contiguity }) => {
      const badge = node.quantifier ? quantifierBadge(node.quantifier) : "1";
      const stage = badge === "1" ? node.name : `${node.name}${badge}`;
      return contiguity === null ? stage : `${CONTIGUITY_WORDS[contiguity]} ${stage}`;
    })
    .join(" ");
}

/** `within 30 min · skipPastLastEvent()`; the skip strategy only when it is not the default. */
export function patternFacts(rule: Rule): string {
  const { window, afterMatchStrategy } = rule.pattern;
  const facts = [window ? windowLabel(window).text : "no window"];
  if (afterMatchStrategy.type !== "NO_SKIP") facts.push(skipStrategyLabel(afterMatchStrategy));
  return facts.join(" · ");
}

const SCHEMA_NAMES: Readonly<Record<GeneratedSchema, string>> = {
  rees46: "REES46 clickstream",
  scenarios: "seed scenarios' clickstream",
  seed000: "seed 000 user events",
  seed001: "seed 001 actions",
};

/** `Seed scenario 2's clickstream` or `Generated REES46 clickstream: 5 000 events, 200 users, seed 7`. */
export function dataHintText(hint: TemplateDataHint): string {
  switch (hint.kind) {
    case "seedCsv":
      return `Seed ${hint.scenario.replace("scenario", "scenario ")}'s clickstream`;
    case "generator":
      return (
        `Generated ${SCHEMA_NAMES[hint.schema]}: ${hint.events.toLocaleString("en")} events, ` +
        `${hint.users.toLocaleString("en")} users, seed ${hint.seed}`
      );
  }
}
