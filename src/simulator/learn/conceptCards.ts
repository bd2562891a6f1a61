/**
 * Learn cards for core Flink CEP concepts, each on a dataset small enough to follow event by
 * event: contiguity (next / followedBy / followedByAny side by side), after-match skip
 * strategies, watermarks and lateness, and timeouts. Rules are built with the model's
 * Pattern-API-shaped builder; conditions are plain Aviator expressions.
 */
import { DEFAULT_RULE_FUNCTION } from "../../document/edits/ruleEdits.ts";
import { AfterMatchSkip, PatternBuilder } from "../../model/patternBuilder.ts";
import type { GraphNode, Rule } from "../../model/pattern.ts";
import type { FieldMapping } from "../../runtime/sources/index.ts";
import type { LearnCard } from "./learnCard.ts";

const MAPPING: FieldMapping = { key: "userId", time: "eventTime", type: "eventType" };
const HEADER = "eventTime,eventType,userId,productId,price";
const MINUTE = 60_000;

const IS_VIEW = "eventType == 'view'";
const IS_CART = "eventType == 'cart'";
const IS_PURCHASE = "eventType == 'purchase'";

function rule(id: string, pattern: GraphNode): Rule {
  return { id, version: 1, pattern, function: DEFAULT_RULE_FUNCTION };
}

/** CSV rows `time,type,user[,product,price]` under the cards' header. */
function csv(rows: readonly string[]): string {
  return [HEADER, ...rows].join("\n") + "\n";
}

/** Settings every concept card starts from: event time, a watermark after every event, one subtask. */
const EVENT_TIME = {
  timeMode: "event",
  outOfOrdernessMs: 0,
  watermarkIntervalMs: null,
  idleTimeoutMs: null,
  parallelism: 1,
} as const;

const viewThenCart = (link: "next" | "followedBy" | "followedByAny") =>
  PatternBuilder.begin("view").where(IS_VIEW)[link]("cart").where(IS_CART).build();

const contiguity: LearnCard = {
  id: "contiguity",
  group: "concept",
  title: "Contiguity: next vs followedBy vs followedByAny",
  summary: "Three rules that differ only in the edge view → cart, on the same four events.",
  watch:
    "One user: view (10:00:00), view (10:00:10), cart (10:00:20), cart (10:00:30). Rule 1 joins view and cart with next, rule 2 with followedBy, rule 3 with followedByAny. Play and compare the three match counts below.",
  happens: "next gives 1 match, followedBy 2, followedByAny 4.",
  why: "Every view starts its own partial match (after-match strategy NO_SKIP). next (STRICT) needs the very next event of the key to be the cart: the first view is followed by a view, so only (view 2, cart 1) matches. followedBy (SKIP_TILL_NEXT) skips events that do not fit and takes the first cart that does: (view 1, cart 1) and (view 2, cart 1). followedByAny (SKIP_TILL_ANY) also keeps a copy that skips a fitting event, so each view pairs with each later cart: 2 × 2 = 4 matches.",
  setup: {
    type: "inline",
    rules: [
      rule("1", viewThenCart("next")),
      rule("2", viewThenCart("followedBy")),
      rule("3", viewThenCart("followedByAny")),
    ],
    csv: csv([
      "2020-01-01 10:00:00,view,u1,7,10",
      "2020-01-01 10:00:10,view,u1,8,12",
      "2020-01-01 10:00:20,cart,u1,7,10",
      "2020-01-01 10:00:30,cart,u1,8,12",
    ]),
    fileName: "contiguity.csv",
    mapping: MAPPING,
    settings: EVENT_TIME,
  },
  expected: {
    rules: {
      "1": { matches: 1, timeouts: 0 },
      "2": { matches: 2, timeouts: 0 },
      "3": { matches: 4, timeouts: 0 },
    },
    late: 0,
  },
  ruleLabels: { "1": "next", "2": "followedBy", "3": "followedByAny" },
};

const viewsThenCart = (skip: GraphNode["afterMatchStrategy"]) =>
  PatternBuilder.begin("views", skip).where(IS_VIEW).oneOrMore().next("cart").where(IS_CART).build();

const skipStrategies: LearnCard = {
  id: "skip",
  group: "concept",
  title: "After-match skip strategies",
  summary: "views.oneOrMore() next cart, with three after-match skip strategies.",
  watch:
    "One user: three views, then a cart. All three rules are views.oneOrMore() next cart; rule 1 uses NO_SKIP, rule 2 SKIP_PAST_LAST_EVENT, rule 3 SKIP_TO_LAST('views'). Compare the match counts, then open the Matches tab to see which views each match took.",
  happens: "NO_SKIP gives 3 matches, SKIP_PAST_LAST_EVENT 1, SKIP_TO_LAST('views') 2.",
  why: "When the cart arrives, three partial matches complete at once: views 1–3, views 2–3 and view 3, each followed by the cart. NO_SKIP emits them all. SKIP_PAST_LAST_EVENT emits the first and discards every partial match that started before its last event (the cart). SKIP_TO_LAST('views') discards those that started before the last event mapped to 'views' (view 3), so views 2–3 go and view 3 + cart stays.",
  setup: {
    type: "inline",
    rules: [
      rule("1", viewsThenCart(AfterMatchSkip.noSkip())),
      rule("2", viewsThenCart(AfterMatchSkip.skipPastLastEvent())),
      rule("3", viewsThenCart(AfterMatchSkip.skipToLast("views"))),
    ],
    csv: csv([
      "2020-01-01 10:00:00,view,u1,7,10",
      "2020-01-01 10:00:10,view,u1,7,10",
      "2020-01-01 10:00:20,view,u1,7,10",
      "2020-01-01 10:00:30,cart,u1,7,10",
    ]),
    fileName: "skip-strategies.csv",
    mapping: MAPPING,
    settings: EVENT_TIME,
  },
  expected: {
    rules: {
      "1": { matches: 3, timeouts: 0 },
      "2": { matches: 1, timeouts: 0 },
      "3": { matches: 2, timeouts: 0 },
    },
    late: 0,
  },
  ruleLabels: { "1": "NO_SKIP", "2": "SKIP_PAST_LAST_EVENT", "3": "SKIP_TO_LAST('views')" },
};

const watermarks: LearnCard = {
  id: "watermarks",
  group: "concept",
  title: "Watermarks and late events",
  summary: "view next view within 5 min, with one view arriving out of order.",
  watch:
    "One user's views arrive as 10:00:00, 10:00:10, then 10:00:04 (out of order). Out-of-orderness is 0 ms, so after the second event the watermark is 10:00:09.999. Step event by event and watch the watermark and the Late tab.",
  happens:
    "The 10:00:04 view is late: it goes to the late side output and no NFA sees it. 1 match (10:00:00, 10:00:10), 1 late event — and at the end of the input 1 timeout: the partial match the 10:00:10 view started, which no later view completed.",
  why: "In event time Flink's CEP operator buffers each event until the watermark passes its timestamp, then feeds events to the NFA in timestamp order. An event whose timestamp is at or behind the watermark when it arrives cannot be put in order any more: it is late.",
  setup: {
    type: "inline",
    rules: [
      rule(
        "1",
        PatternBuilder.begin("first")
          .where(IS_VIEW)
          .next("second")
          .where(IS_VIEW)
          .within(5 * MINUTE)
          .build(),
      ),
    ],
    csv: csv([
      "2020-01-01 10:00:00,view,u1,7,10",
      "2020-01-01 10:00:10,view,u1,8,12",
      "2020-01-01 10:00:04,view,u1,9,15",
    ]),
    fileName: "watermarks.csv",
    mapping: MAPPING,
    settings: EVENT_TIME,
  },
  expected: { rules: { "1": { matches: 1, timeouts: 1 } }, late: 1 },
  ruleLabels: { "1": "view next view" },
  experiment: {
    text: "Set Out-of-orderness to 10000 ms: the watermark now trails the newest event by 10 s, the 10:00:04 view is sorted in between, and next pairs neighbours in time: 2 matches (10:00:00, 10:00:04) and (10:00:04, 10:00:10), nothing late (the 10:00:10 view still times out at the end).",
    settings: { outOfOrdernessMs: 10_000 },
    expected: { rules: { "1": { matches: 2, timeouts: 1 } }, late: 0 },
  },
};

const timeouts: LearnCard = {
  id: "timeouts",
  group: "concept",
  title: "Timeouts: the abandoned cart",
  summary: "cart followedBy purchase within 30 min, for three users.",
  watch:
    "u1 adds to cart at 10:00 and buys at 10:05; u2 adds to cart at 10:01 and never buys; u3 only views, at 10:40. Step through and watch the Timeouts tab and the partial match in the Key inspector (key u2).",
  happens:
    "1 match (u1) and 1 timeout (u2, timed out at 10:31:00). The timeout appears only when u3's view arrives.",
  why: "A partial match times out when its window (30 min from its first event) has passed — in event time, when the watermark passes 10:31:00, not when a clock says so. u3's view at 10:40 moves the watermark to 10:39:59.999, which fires u2's timer; without later events the timeout would come with the final watermark at the end of the input.",
  setup: {
    type: "inline",
    rules: [
      rule(
        "1",
        PatternBuilder.begin("cart")
          .where(IS_CART)
          .followedBy("purchase")
          .where(IS_PURCHASE)
          .within(30 * MINUTE)
          .build(),
      ),
    ],
    csv: csv([
      "2020-01-01 10:00:00,cart,u1,7,250",
      "2020-01-01 10:01:00,cart,u2,8,900",
      "2020-01-01 10:05:00,purchase,u1,7,250",
      "2020-01-01 10:40:00,view,u3,9,30",
    ]),
    fileName: "timeouts.csv",
    mapping: MAPPING,
    settings: EVENT_TIME,
  },
  expected: { rules: { "1": { matches: 1, timeouts: 1 } }, late: 0 },
  ruleLabels: { "1": "cart followedBy purchase" },
};

/** The concept cards, in teaching order. */
export const conceptCards: readonly LearnCard[] = [contiguity, skipStrategies, watermarks, timeouts];
