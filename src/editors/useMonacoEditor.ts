/**
 * Mounts a Monaco editor into a container once Monaco has loaded, and disposes the editor and
 * its model on unmount (StrictMode's mount–unmount–mount included). Components wire their
 * listeners in effects that depend on the returned handle.
 */
import { useEffect, useRef, useState } from "react";
import type { RefObject } from "react";
import type { editor } from "monaco-editor/editor/editor.api.js";
import { loadMonaco } from "./monacoSetup.ts";
import type { MonacoApi, MonacoRuntime } from "./monacoSetup.ts";

/** A live editor with the runtime that made it. */
export interface MonacoEditorHandle {
  readonly runtime: MonacoRuntime;
  readonly monaco: MonacoApi;
  readonly editor: editor.IStandaloneCodeEditor;
}

/** What {@link useMonacoEditor} gives back. */
export interface MonacoEditorMount {
  /** Attach to the element the editor fills. */
  readonly containerRef: RefObject<HTMLDivElement | null>;
  /** Null until Monaco has loaded (and after unmount). */
  readonly handle: MonacoEditorHandle | null;
  /** Why Monaco could not load, in plain words; null otherwise. */
  readonly loadError: string | null;
}

/**
 * Creates the editor with `create` (called once per mount with a container in the page; the
 * editor should own a model of its own, which is disposed with it).
 */
export function useMonacoEditor(
  create: (monaco: MonacoApi, container: HTMLElement) => editor.IStandaloneCodeEditor,
): MonacoEditorMount {
  const containerRef = useRef<HTMLDivElement | null>(null);
  const createRef = useRef(create);
  const [handle, setHandle] = useState<MonacoEditorHandle | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    let disposed = false;
    let made: editor.IStandaloneCodeEditor | null = null;
    loadMonaco().then(
      (runtime) => {
        const container = containerRef.current;
        if (disposed || !container) return;
        made = createRef.current(runtime.monaco, container);
        setHandle({ runtime, monaco: runtime.monaco, editor: made });
      },
      (error: unknown) => {
        if (disposed) return;
        const reason = error instanceof Error ? error.message : String(error);
        setLoadError(`The code editor could not load (${reason}). Reload the page to try again.`);
      },
    );
    return () => {
      disposed = true;
      if (made) {
        const model = made.getModel();
        made.dispose();
        model?.dispose();
      }
      setHandle(null);
    };
  }, []);

  return { containerRef, handle, loadError };
}
