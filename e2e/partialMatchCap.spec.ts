/**
 * The partial-match cap in the run settings: a refused text stays with what the field takes, a
 * cap other than the default is named on the run bar and travels in a scenario link, and the
 * pathological `view followedByAny view.oneOrMore().allowCombinations() followedBy purchase` hits
 * a small cap with a warning that points at the setting — gone once the cap is raised.
 * All at 1024 × 700.
 */
import { expect, test } from "./pages/fixtures.ts";
import { inflateSync, strFromU8 } from "fflate";

const isView = { type: "AVIATOR", expression: "eventType == 'view'" };
const single = {
  consumingStrategy: "SKIP_TILL_NEXT",
  properties: ["SINGLE"],
  times: null,
  untilCondition: null,
};

/** Every view doubles a key's runs: without a window nothing ever ends them but the cap. */
const combinations = {
  id: "combinations",
  version: 1,
  function: "com.example.Combinations",
  pattern: {
    name: "buy",
    type: "COMPOSITE",
    version: 1,
    quantifier: single,
    condition: null,
    nodes: [
      {
        name: "buy",
        type: "ATOMIC",
        quantifier: single,
        condition: { type: "AVIATOR", expression: "eventType == 'purchase'" },
      },
      {
        name: "more",
        type: "ATOMIC",
        quantifier: {
          consumingStrategy: "SKIP_TILL_ANY",
          properties: ["LOOPING"],
          times: { from: 1, to: 1, windowTime: null },
          untilCondition: null,
        },
        condition: isView,
      },
      { name: "first", type: "ATOMIC", quantifier: single, condition: isView },
    ],
    edges: [
      { source: "more", target: "buy", type: "SKIP_TILL_NEXT" },
      { source: "first", target: "more", type: "SKIP_TILL_ANY" },
    ],
    window: null,
    afterMatchStrategy: { type: "NO_SKIP", patternName: null },
  },
};

/** One user's 8 views and a purchase. */
const clicks = [
  "userId,eventType,eventTime",
  ...Array.from({ length: 8 }, (_, i) => `u1,view,2020-01-01 00:00:0${i + 1}`),
  "u1,purchase,2020-01-01 00:00:09",
  "",
].join("\n");

const capWarning = "more than 5 partial matches for one key; the most recently started ones were dropped";

test("a small partial-match cap warns where the pattern explodes; the bar names it and a link keeps it", async ({
  app,
  demo: sim,
  panels,
}) => {
  // The smallest window the dock is made for: the popover and the warning must fit it.
  await sim.page.setViewportSize({ width: 1024, height: 700 });
  await app.loadRuleSet([combinations]);
  await sim.loadFile("views.csv", clicks, { key: "userId", time: "eventTime" });
  await sim.waitReady(9);
  await sim.runToEnd();
  await expect(sim.warnings).toHaveCount(0);
  const allMatches = await sim.page.getByTestId("sim.tab.matches").innerText();

  await sim.openSettings();
  // A cap below 1 is refused, and the text stays with what the field takes.
  await sim.setPartialMatchCap(0);
  await expect(sim.control("maxPartialMatches")).toHaveValue("0");
  await expect(sim.settingError("maxPartialMatches")).toHaveText(
    "A whole number of partial matches, 1 or more.",
  );
  await sim.setPartialMatchCap(5);
  await expect(sim.settingError("maxPartialMatches")).toHaveCount(0);
  await expect(sim.control("settings")).toContainText("≤ 5 partial matches per key");
  // The run is replayed with the cap: the warning names the rule and points at the setting.
  await expect(sim.warnings).toHaveCount(1);
  await expect(sim.warnings).toContainText(`rule 'combinations' (version 1): ${capWarning}`);
  await expect(sim.warnings).toContainText("Settings › Partial matches › Cap per key");
  await expect(sim.page.getByTestId("sim.tab.matches")).not.toHaveText(allMatches);
  await app.screenshot("partial-match-cap");
  await sim.page.keyboard.press("Escape");

  const link = await panels.makeLink();
  const payload = link.split("#scenario=")[1] ?? "";
  const view = JSON.parse(strFromU8(inflateSync(Buffer.from(payload, "base64url")))) as { settings: object };
  expect(view.settings).toMatchObject({ maxPartialMatches: 5 });

  // Raised back to the default, the warning goes and the bar names no cap.
  await sim.openSettings();
  await sim.setPartialMatchCap(10_000);
  await expect(sim.warnings).toHaveCount(0);
  await expect(sim.control("settings")).not.toContainText("partial matches");
  await expect(sim.page.getByTestId("sim.tab.matches")).toHaveText(allMatches);
  await sim.page.keyboard.press("Escape");

  // The link brings the cap back, and the run with it: made after the end of input, it reopens there.
  await panels.openLink(link);
  await expect(sim.control("settings")).toContainText("≤ 5 partial matches per key");
  await expect(sim.state).toHaveText("finished");
  await expect(sim.warnings).toContainText(capWarning);
  app.expectCleanRun();
});
