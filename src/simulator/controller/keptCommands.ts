/**
 * The commands whose effect outlives new rules, settings and data in the worker — the run's
 * broadcast stream (`loadBroadcast`) and built-in processor (`loadProcessor`) — as the worker
 * last took them, so that a fresh worker can be given them again.
 */
import type { WorkerCommand } from "../../runtime/worker/protocol.ts";

/** A command the worker keeps across new rules and data (see protocol.ts). */
export type KeptCommand = Extract<WorkerCommand, { type: "loadBroadcast" | "loadProcessor" }>;

/** See the module comment. */
export class KeptCommands {
  private readonly kept = new Map<KeptCommand["type"], KeptCommand>();

  /**
   * Notes a command the worker took; only kept ones are remembered, as the newest (the order
   * matters: a processor's records replace the broadcast stream).
   */
  taken(command: WorkerCommand): void {
    if (command.type !== "loadBroadcast" && command.type !== "loadProcessor") return;
    this.kept.delete(command.type);
    this.kept.set(command.type, command);
  }

  /**
   * Sends each kept command once, in the order last taken. `send` may be the path that notes
   * what the worker took ({@link taken}): the commands are read first, because a map being
   * iterated visits an entry deleted and set again anew — it would be sent forever.
   */
  async replay(send: (command: KeptCommand) => Promise<void>): Promise<void> {
    for (const command of [...this.kept.values()]) await send(command);
  }
}
