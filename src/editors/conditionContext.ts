/**
 * What the condition editors may suggest besides the language itself: the event fields of the
 * loaded data (set by the simulator when it recognises a schema) and the broadcast
 * configuration keys conditions read as `config.key`. Stage names come from the rule being
 * edited, not from here. Transient UI state: never undone, never saved.
 */
import { createStore } from "zustand/vanilla";

/** The completion sources the condition language reads. */
export interface ConditionContextState {
  /** Field paths of the loaded events (`eventType`, `price`, `data.productId`), in schema order. */
  readonly eventFields: readonly string[];
  /** Keys of the broadcast configuration (`minPrice` for `config.minPrice`). */
  readonly configKeys: readonly string[];
}

/** The store (zustand vanilla, so the Monaco providers read it without React). */
export const conditionContextStore = createStore<ConditionContextState>()(() => ({
  eventFields: [],
  configKeys: [],
}));

/** Replaces the event fields offered for completion (duplicates and blanks dropped). */
export function setEventFields(fields: readonly string[]): void {
  conditionContextStore.setState({ eventFields: distinctNames(fields) });
}

/** Replaces the configuration keys offered after `config.` (duplicates and blanks dropped). */
export function setConfigKeys(keys: readonly string[]): void {
  conditionContextStore.setState({ configKeys: distinctNames(keys) });
}

function distinctNames(names: readonly string[]): readonly string[] {
  return Object.freeze([...new Set(names.filter((n) => n.trim() !== ""))]);
}
