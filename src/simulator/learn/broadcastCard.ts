/**
 * The Learn card for broadcast rule updates: a rule replaced by a new version mid-stream through
 * the broadcast stream, as Ververica's dynamic CEP does it — the old version stops, its partial
 * matches are dropped (and reported), and the new version starts from the next event on.
 */
import { DEFAULT_RULE_FUNCTION } from "../../document/edits/ruleEdits.ts";
import { exportRule } from "../../formats/dynamicCep/index.ts";
import { PatternBuilder } from "../../model/patternBuilder.ts";
import type { Rule } from "../../model/pattern.ts";
import type { LearnCard } from "./learnCard.ts";

const MINUTE = 60_000;

function viewFollowedBy(version: number, second: "cart" | "purchase"): Rule {
  const pattern = PatternBuilder.begin("view")
    .where("eventType == 'view'")
    .followedBy(second)
    .where(`eventType == '${second}'`)
    .within(30 * MINUTE)
    .build();
  return { id: "1", version, pattern, function: DEFAULT_RULE_FUNCTION };
}

export const broadcastCard: LearnCard = {
  id: "broadcast",
  group: "concept",
  title: "Broadcast rule updates",
  summary: "Rule 1 (view followedBy cart) is replaced mid-stream by version 2 (view followedBy purchase).",
  watch:
    "Version 1 of rule 1 is view followedBy cart within 30 min. The card's broadcast stream (on the Broadcast tab) sends version 2 — view followedBy purchase — at 10:03:00. Step event by event and watch: the Broadcast tab marks where version 2 took over and which version it dropped, and each row of the Matches tab names its rule version.",
  happens:
    "Version 2 takes over before the 10:04:00 cart. 1 match of version 1 (u1: view 10:00, cart 10:02) and 1 of version 2 (u1: view 10:06, purchase 10:07). Version 1 is dropped with 1 partial match — u2's view, still waiting for a cart — so u2's cart at 10:04 matches nothing. u3's view (10:02:30) was still waiting for the watermark in version 1's queue and goes with it: u3's purchase at 10:05 matches nothing either.",
  why: "A broadcast record reaches every parallel subtask and applies before the first event whose time is at or after its “at” time. An update (same rule id, higher version) retires the old version everywhere: its partial matches and the events it still buffered are dropped, not handed over — the new pattern may have other stages — and the drop is reported, so a rule change never loses work silently. The new version starts with empty state and sees only the events that come after it.",
  setup: {
    type: "inline",
    rules: [viewFollowedBy(1, "cart")],
    csv: [
      "eventTime,eventType,userId,productId,price",
      "2020-01-01 10:00:00,view,u1,7,10",
      "2020-01-01 10:01:00,view,u2,8,12",
      "2020-01-01 10:02:00,cart,u1,7,10",
      "2020-01-01 10:02:30,view,u3,9,15",
      "2020-01-01 10:04:00,cart,u2,8,12",
      "2020-01-01 10:05:00,purchase,u3,9,15",
      "2020-01-01 10:06:00,view,u1,7,10",
      "2020-01-01 10:07:00,purchase,u1,7,10",
      "",
    ].join("\n"),
    fileName: "broadcast-update.csv",
    mapping: { key: "userId", time: "eventTime", type: "eventType" },
    settings: {
      timeMode: "event",
      outOfOrdernessMs: 0,
      watermarkIntervalMs: null,
      idleTimeoutMs: null,
      parallelism: 1,
    },
    broadcast: [{ at: "2020-01-01 10:03:00", rule: exportRule(viewFollowedBy(2, "purchase")) }],
  },
  expected: { rules: { "1": { matches: 2, timeouts: 0 } }, late: 0 },
  ruleLabels: { "1": "view → cart, then view → purchase" },
};
