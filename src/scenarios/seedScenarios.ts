/**
 * The five e-commerce scenarios of the dynamic-CEP seed documents, bundled with the app so it
 * works offline. Rules are the seed's rows verbatim; events are the seed's click_stream rows.
 */
import bindings from "./seed/bindings.json";
import rule1 from "./seed/scenario1.rule.json";
import rule2 from "./seed/scenario2.rule.json";
import rule3 from "./seed/scenario3.rule.json";
import rule4 from "./seed/scenario4.rule.json";
import rule5 from "./seed/scenario5.rule.json";
import events1 from "./seed/scenario1.events.csv?raw";
import events2 from "./seed/scenario2.events.csv?raw";
import events3 from "./seed/scenario3.events.csv?raw";
import events4 from "./seed/scenario4.events.csv?raw";
import events5 from "./seed/scenario5.events.csv?raw";

/** One seed scenario: a rule, its clickstream and how to read it. */
export interface SeedScenario {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  /** The rule row as JSON (`{id, version, pattern, function}`), untouched. */
  readonly ruleJson: unknown;
  readonly eventsCsv: string;
  readonly keyField: string;
  readonly timeField: string;
}

/** Condition bindings (Java class → expression) for the seed's CLASS conditions. */
export const seedBindings: Readonly<Record<string, string>> = bindings;

export const seedScenarios: readonly SeedScenario[] = [
  {
    id: "scenario1",
    title: "Cross-selling: two views in a row",
    summary: "first_view next second_view within 5 minutes",
    ruleJson: rule1,
    eventsCsv: events1,
    keyField: "userId",
    timeField: "eventTime",
  },
  {
    id: "scenario2",
    title: "High-value cart recovery",
    summary: "cart_add (price > 200) followedBy purchase within 30 minutes; abandoned carts time out",
    ruleJson: rule2,
    eventsCsv: events2,
    keyField: "userId",
    timeField: "eventTime",
  },
  {
    id: "scenario3",
    title: "High-intent users: repeated views",
    summary: "initial_view followedBy repeat_view × 3 within 15 minutes",
    ruleJson: rule3,
    eventsCsv: events3,
    keyField: "userId",
    timeField: "eventTime",
  },
  {
    id: "scenario4",
    title: "Price-sensitive users",
    summary: "initial_view next view_price_drop next cart_after_price_drop within 10 minutes",
    ruleJson: rule4,
    eventsCsv: events4,
    keyField: "userId",
    timeField: "eventTime",
  },
  {
    id: "scenario5",
    title: "Churn risk: browsing without buying",
    summary: "first_view × 10 or more, notNext purchase, within 7 days",
    ruleJson: rule5,
    eventsCsv: events5,
    keyField: "userId",
    timeField: "eventTime",
  },
];
