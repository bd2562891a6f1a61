/**
 * Messages the shell shows in its dismissible banner: problems met while loading (a broken share
 * link, a save that could not be read) and notices the user should not miss. Transient UI state:
 * never undone, never saved.
 */
import { createStore } from "zustand/vanilla";
import { useStore } from "zustand";

/** A button on a banner message; choosing it also dismisses the message. */
export interface BannerAction {
  readonly label: string;
  readonly run: () => void;
}

/** One banner message. */
export interface BannerMessage {
  readonly id: number;
  readonly kind: "error" | "warning" | "info";
  readonly text: string;
  /** Choices the user makes right in the banner (e.g. which tab's document to keep). */
  readonly actions: readonly BannerAction[];
}

interface BannerState {
  readonly messages: readonly BannerMessage[];
}

const bannerStore = createStore<BannerState>()(() => ({ messages: [] }));
let nextId = 1;

/** Shows `text` (with `actions` as buttons) until the user dismisses it; the same text twice is shown once. */
export function showBanner(
  kind: BannerMessage["kind"],
  text: string,
  actions: readonly BannerAction[] = [],
): void {
  const { messages } = bannerStore.getState();
  if (messages.some((m) => m.kind === kind && m.text === text)) return;
  bannerStore.setState({ messages: [...messages, { id: nextId++, kind, text, actions }] });
}

/** Removes the message with `id`. */
export function dismissBanner(id: number): void {
  bannerStore.setState((s) => ({ messages: s.messages.filter((m) => m.id !== id) }));
}

/** The messages shown now, oldest first (outside React). */
export function bannerMessages(): readonly BannerMessage[] {
  return bannerStore.getState().messages;
}

/** The messages currently shown, oldest first. */
export function useBannerMessages(): readonly BannerMessage[] {
  return useStore(bannerStore, (s) => s.messages);
}
