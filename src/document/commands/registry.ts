/**
 * The command registry: every command the app offers, found by id or by shortcut. The core
 * commands (`coreCommands.ts`) are registered here; other modules add theirs with
 * {@link registerCommand} when they load.
 */
import { selectionStore } from "../../designer/selectionStore.ts";
import type { Command, CommandContext } from "./commandTypes.ts";
import { coreCommands } from "./coreCommands.ts";
import { matchesShortcut } from "./keys.ts";
import type { KeyPress } from "./keys.ts";

export type { Command, CommandContext } from "./commandTypes.ts";

const commands = new Map<string, Command>();

/** Adds a command; an id registered twice is a programming error and throws. */
export function registerCommand(command: Command): void {
  if (commands.has(command.id)) throw new Error(`command '${command.id}' is registered twice`);
  commands.set(command.id, command);
}

for (const command of coreCommands) registerCommand(command);

/** The command `id`; throws for an id nobody registered (a typo in code, not user input). */
export function getCommand(id: string): Command {
  const command = commands.get(id);
  if (!command) throw new Error(`no command '${id}'`);
  return command;
}

/** Every registered command, in registration order. */
export function listCommands(): readonly Command[] {
  return [...commands.values()];
}

/** The context of "now": the canvas's current selection. */
function currentContext(): CommandContext {
  return { selection: selectionStore.getState().selection };
}

/**
 * Runs command `id` if it exists and is available; true when it ran. Without `ctx` it acts on the
 * current selection.
 */
export function runCommand(id: string, ctx: CommandContext = currentContext()): boolean {
  const command = commands.get(id);
  if (!command || (command.isAvailable && !command.isAvailable(ctx))) return false;
  command.run(ctx);
  return true;
}

/** The command whose shortcut `event` is, or null. */
export function commandForKey(event: KeyPress): Command | null {
  for (const command of commands.values()) {
    if (command.keys?.some((k) => matchesShortcut(k, event))) return command;
  }
  return null;
}
