/**
 * Learn cards for the five seed scenarios (`../shared/scenarios/README.md`): each runs the
 * scenario's rule alone over its clickstream. Rule ids are those of the default document ("1"
 * to "5"); a document that lost a seed rule gets it back under a free id when the card loads.
 */
import type { LearnCard } from "./learnCard.ts";

const scenario1: LearnCard = {
  id: "scenario1",
  group: "scenario",
  title: "1 · Cross-selling: two views in a row",
  summary: "first_view next second_view within 5 minutes",
  watch:
    "One user views four products at 00:01:00, 00:01:03, 00:01:07 and 00:01:08. Step event by event and watch the count on second_view in the canvas and the Matches tab.",
  happens:
    "3 matches — (row 1, row 2), (row 2, row 3), (row 3, row 4) — and 1 timeout at the end of the input.",
  why: "Every view starts a partial match in first_view (NO_SKIP keeps every start), and next (STRICT) lets the very next view of the same user complete it. The last view's partial match still waits in second_view when the input ends; the final watermark (+∞) passes its 5-minute window, so it times out.",
  setup: { type: "scenario", scenarioId: "scenario1" },
  expected: { rules: { "1": { matches: 3, timeouts: 1 } }, late: 0 },
  ruleLabels: { "1": "scenario 1" },
};

const scenario2: LearnCard = {
  id: "scenario2",
  group: "scenario",
  title: "2 · High-value cart recovery",
  summary: "cart_add (price > 200) followedBy purchase within 30 minutes",
  watch:
    "User 517014550 adds a 249.30 phone to the cart at 01:01:01 and leaves; user 590404850 adds an 892.94 item at 01:11:02 and buys it a second later. Watch the Timeouts tab and key 517014550 in the Key inspector.",
  happens: "1 match (590404850) and 1 timeout: 517014550's abandoned cart, timed out at 01:31:01.",
  why: "followedBy (SKIP_TILL_NEXT) waits for a purchase however many other events come between. 517014550's partial match waits in 'purchase' until its 30-minute window has passed; in event time that is when the watermark passes 01:31:01 — here the final watermark at the end of the input. Its timeout is the abandoned high-value cart the scenario is about.",
  setup: { type: "scenario", scenarioId: "scenario2" },
  expected: { rules: { "2": { matches: 1, timeouts: 1 } }, late: 0 },
  ruleLabels: { "2": "scenario 2" },
};

const scenario3: LearnCard = {
  id: "scenario3",
  group: "scenario",
  title: "3 · High-intent users: repeated views",
  summary: "initial_view followedBy repeat_view × 3 within 15 minutes",
  watch:
    "One user views the same product four times within four seconds. Watch the partial matches pile up in the Key inspector (key 578858757) as each view arrives.",
  happens:
    "1 match (initial_view = row 1, repeat_view = rows 2, 3, 4) and 3 timeouts at the end of the input.",
  why: "times(3) needs exactly three repeat views after the initial one. Rows 2, 3 and 4 also start partial matches of their own (NO_SKIP), which collect fewer than three repeats before the input ends; the final watermark passes their 15-minute window and they time out.",
  setup: { type: "scenario", scenarioId: "scenario3" },
  expected: { rules: { "3": { matches: 1, timeouts: 3 } }, late: 0 },
  ruleLabels: { "3": "scenario 3" },
};

const scenario4: LearnCard = {
  id: "scenario4",
  group: "scenario",
  title: "4 · Price-sensitive users",
  summary: "initial_view next view_price_drop next cart_after_price_drop within 10 minutes",
  watch:
    "One user views a product, views it again at a lower price, then adds it to the cart. Open Explain on row 3 to see the iterative condition compare prices with getEventsForPattern('initial_view').",
  happens: "1 match (rows 1, 2, 3) and no timeout.",
  why: "view_price_drop is an iterative condition: the same productId as the event in initial_view, at a lower price. Row 2 also starts a partial match as initial_view, but the next event (the cart) is not a cheaper view, and next (STRICT) drops that run at once — nothing is left to time out.",
  setup: { type: "scenario", scenarioId: "scenario4" },
  expected: { rules: { "4": { matches: 1, timeouts: 0 } }, late: 0 },
  ruleLabels: { "4": "scenario 4" },
};

const scenario5: LearnCard = {
  id: "scenario5",
  group: "scenario",
  title: "5 · Churn risk: browsing without buying",
  summary: "first_view × 10 or more, notNext purchase, within 7 days",
  watch:
    "One user views ten times in eight minutes, then adds to the cart instead of buying. Watch first_view's count on the canvas grow with every view.",
  happens:
    "1 match (first_view = rows 1–10), completed when row 11 — a cart, not a purchase — arrives; 10 timeouts at the end.",
  why: "notNext(purchase) completes the match when the event right after the tenth view is anything but a purchase. The other partial matches — started by later views, or still looping for more views — never complete; the final watermark passes their 7-day window and they time out.",
  setup: { type: "scenario", scenarioId: "scenario5" },
  expected: { rules: { "5": { matches: 1, timeouts: 10 } }, late: 0 },
  ruleLabels: { "5": "scenario 5" },
};

/** The seed scenario cards, in the seed's order. */
export const scenarioCards: readonly LearnCard[] = [scenario1, scenario2, scenario3, scenario4, scenario5];
