import { describe, expect, it } from "vitest";
import { bannerMessages, dismissBanner } from "./bannerStore.ts";
import { showTabConflict, TAB_CONFLICT_TEXT } from "./tabConflict.ts";

function clearBanners() {
  for (const m of bannerMessages()) dismissBanner(m.id);
}

function action(label: string) {
  const found = bannerMessages()
    .find((m) => m.text === TAB_CONFLICT_TEXT)
    ?.actions.find((a) => a.label === label);
  if (!found) throw new Error(`no ${label} action`);
  return found;
}

describe("tab conflict banner", () => {
  it("offers Reload it and Keep mine, each calling its choice", async () => {
    clearBanners();
    const calls: string[] = [];
    showTabConflict({
      reload: () => {
        calls.push("reload");
        return Promise.resolve(null);
      },
      keepMine: () => {
        calls.push("keep");
        return Promise.resolve();
      },
    });
    expect(bannerMessages().map((m) => [m.kind, m.actions.map((a) => a.label)])).toEqual([
      ["warning", ["Reload it", "Keep mine"]],
    ]);
    action("Reload it").run();
    action("Keep mine").run();
    await Promise.resolve();
    expect(calls).toEqual(["reload", "keep"]);
    expect(bannerMessages()).toHaveLength(1);
  });

  it("says why a reload failed and asks again", async () => {
    clearBanners();
    showTabConflict({
      reload: () => Promise.resolve("The other tab's document could not be read (x); yours is kept."),
      keepMine: () => Promise.resolve(),
    });
    const first = bannerMessages()[0];
    if (first) dismissBanner(first.id); // what the banner button does before running the action
    const reload = first?.actions.find((a) => a.label === "Reload it");
    reload?.run();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(bannerMessages().map((m) => m.kind)).toEqual(["error", "warning"]);
    expect(bannerMessages()[0]?.text).toContain("could not be read");
  });
});
