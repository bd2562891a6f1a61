import { describe, expect, it } from "vitest";
import { commandForKey, getCommand, listCommands, registerCommand, runCommand } from "./registry.ts";

const press = (
  key: string,
  mods: Partial<{ ctrl: boolean; meta: boolean; shift: boolean; alt: boolean }> = {},
) => ({
  key,
  ctrlKey: mods.ctrl ?? false,
  metaKey: mods.meta ?? false,
  shiftKey: mods.shift ?? false,
  altKey: mods.alt ?? false,
});

describe("command registry", () => {
  it("holds the core commands", () => {
    const ids = listCommands().map((c) => c.id);
    for (const id of [
      "undo",
      "redo",
      "deleteSelection",
      "copy",
      "paste",
      "duplicateSelection",
      "selectAll",
      "groupSelection",
      "ungroup",
      "addRule",
      "publishRule",
      "autoLayout",
    ]) {
      expect(ids).toContain(id);
    }
    expect(getCommand("undo").label).toBe("Undo");
    expect(() => getCommand("nope")).toThrow("no command 'nope'");
    expect(runCommand("nope")).toBe(false);
  });

  it("maps keys with Mod as Ctrl or Meta and exact other modifiers", () => {
    expect(commandForKey(press("z", { ctrl: true }))?.id).toBe("undo");
    expect(commandForKey(press("z", { meta: true }))?.id).toBe("undo");
    expect(commandForKey(press("Z", { ctrl: true, shift: true }))?.id).toBe("redo");
    expect(commandForKey(press("y", { meta: true }))?.id).toBe("redo");
    expect(commandForKey(press("Delete"))?.id).toBe("deleteSelection");
    expect(commandForKey(press("Escape"))?.id).toBe("clearSelection");
    expect(commandForKey(press("Backspace"))?.id).toBe("deleteSelection");
    expect(commandForKey(press("c", { ctrl: true }))?.id).toBe("copy");
    expect(commandForKey(press("v", { ctrl: true }))?.id).toBe("paste");
    expect(commandForKey(press("d", { ctrl: true }))?.id).toBe("duplicateSelection");
    expect(commandForKey(press("a", { meta: true }))?.id).toBe("selectAll");
    expect(commandForKey(press("g", { ctrl: true }))?.id).toBe("groupSelection");
    expect(commandForKey(press("G", { ctrl: true, shift: true }))?.id).toBe("ungroup");
    expect(commandForKey(press("z"))).toBeNull();
    expect(commandForKey(press("z", { ctrl: true, alt: true }))).toBeNull();
    expect(commandForKey(press("Delete", { ctrl: true }))).toBeNull();
  });

  it("registers further commands and refuses a second registration of an id", () => {
    let ran = 0;
    registerCommand({ id: "test.extra", label: "Extra", keys: ["Alt+X"], run: () => ran++ });
    expect(commandForKey(press("x", { alt: true }))?.id).toBe("test.extra");
    expect(runCommand("test.extra", { selection: { type: "none" } })).toBe(true);
    expect(ran).toBe(1);
    expect(() => {
      registerCommand({ id: "test.extra", label: "Again", run: () => undefined });
    }).toThrow("registered twice");
  });

  it("does not run an unavailable command", () => {
    let ran = false;
    registerCommand({ id: "test.never", label: "Never", isAvailable: () => false, run: () => (ran = true) });
    expect(runCommand("test.never")).toBe(false);
    expect(ran).toBe(false);
  });
});
