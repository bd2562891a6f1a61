/** The commands the document layer itself provides, in the order menus list them. */
import type { Command } from "./commandTypes.ts";
import { ruleCommands } from "./ruleCommands.ts";
import { selectionCommands } from "./selectionCommands.ts";

export const coreCommands: readonly Command[] = [...ruleCommands, ...selectionCommands];
