import { describe, expect, it } from "vitest";
import { KeptCommands, type KeptCommand } from "./keptCommands.ts";

const broadcast: KeptCommand = { type: "loadBroadcast", records: [{ at: "2020-01-01 10:03:00" }] };
const processor: KeptCommand = { type: "loadProcessor", processor: "two-action", records: [] };

/** Replays `kept` the way the controller does: each sent command is noted as taken again. */
async function replayed(kept: KeptCommands): Promise<string[]> {
  const sent: string[] = [];
  await kept.replay((command) => {
    sent.push(command.type);
    // A replay that re-reads what it re-notes never ends; stop it so the test fails instead.
    if (sent.length > 10) return Promise.reject(new Error(`replayed forever: ${sent.join(", ")}`));
    kept.taken(command);
    return Promise.resolve();
  });
  return sent;
}

describe("KeptCommands", () => {
  it("replays the broadcast stream and the processor once each, even when sending notes them again", async () => {
    const kept = new KeptCommands();
    kept.taken(broadcast);
    kept.taken(processor);
    expect(await replayed(kept)).toEqual(["loadBroadcast", "loadProcessor"]);
    // And the order survives the replay, for the next restart.
    expect(await replayed(kept)).toEqual(["loadBroadcast", "loadProcessor"]);
  });

  it("replays in the order last taken, the newest of each kind", async () => {
    const kept = new KeptCommands();
    kept.taken(broadcast);
    kept.taken(processor);
    const newer: KeptCommand = { type: "loadBroadcast", records: [] };
    kept.taken(newer);
    const sent: KeptCommand[] = [];
    await kept.replay((command) => {
      sent.push(command);
      return Promise.resolve();
    });
    expect(sent).toEqual([processor, newer]);
  });

  it("keeps nothing of commands that do not outlive new rules or data", async () => {
    const kept = new KeptCommands();
    kept.taken({ type: "play" });
    kept.taken({ type: "seek", position: 3 });
    expect(await replayed(kept)).toEqual([]);
  });
});
