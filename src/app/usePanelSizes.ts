import { useCallback, useEffect, useState } from "react";
import { clampPanelSize, initialPanelSizes, parsePanelSizes, serializePanelSizes } from "./panelSizes.ts";
import type { PanelSizeKey, PanelSizes } from "./panelSizes.ts";

const STORAGE_KEY = "cep-studio.layout";

function readStored(): PanelSizes {
  const initial = initialPanelSizes(window.innerHeight);
  try {
    return parsePanelSizes(window.localStorage.getItem(STORAGE_KEY), initial);
  } catch {
    // Storage can be unavailable (privacy mode, sandboxed frames); the defaults are fine then.
    return initial;
  }
}

/** The shell's panel sizes, kept in localStorage across reloads. */
export function usePanelSizes(): {
  readonly sizes: PanelSizes;
  readonly resize: (key: PanelSizeKey, value: number) => void;
  readonly setDockCollapsed: (collapsed: boolean) => void;
} {
  const [sizes, setSizes] = useState(readStored);

  useEffect(() => {
    try {
      window.localStorage.setItem(STORAGE_KEY, serializePanelSizes(sizes));
    } catch {
      // Not being able to remember a layout preference is not worth bothering the user with.
    }
  }, [sizes]);

  const resize = useCallback((key: PanelSizeKey, value: number) => {
    setSizes((s) => ({ ...s, [key]: clampPanelSize(key, value) }));
  }, []);
  const setDockCollapsed = useCallback((dockCollapsed: boolean) => {
    setSizes((s) => ({ ...s, dockCollapsed }));
  }, []);
  return { sizes, resize, setDockCollapsed };
}
