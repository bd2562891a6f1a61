/**
 * Keeps a Monaco model and a `value` prop in step, both ways, without fighting the user: typing
 * reports every text through `onChange`; a new `value` from outside (undo, the canvas, another
 * panel) is applied as one minimal edit, so the cursor stays put, and empties the editor's own
 * undo history (Ctrl+Z there undoes typing, never the outside change). A parent that echoes typed
 * texts back late must not rewind the editor, so echoes of texts it was sent are skipped.
 */
import { useEffect, useRef, useState } from "react";
import { replaceModelText } from "./modelText.ts";
import type { MonacoEditorHandle } from "./useMonacoEditor.ts";

const MAX_PENDING_ECHOES = 50;

/** Binds `handle`'s model to `value`; returns the model's current text (`value` until it loads). */
export function useModelValue(
  handle: MonacoEditorHandle | null,
  value: string,
  onChange: ((text: string) => void) | undefined,
): string {
  const [text, setText] = useState(value);
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  });
  // Texts sent through onChange that the parent has not echoed back as `value` yet.
  const echoes = useRef<string[]>([]);
  const applyingValue = useRef(false);

  useEffect(() => {
    const model = handle?.editor.getModel();
    if (!model) return;
    const subscription = model.onDidChangeContent(() => {
      const next = model.getValue();
      setText(next);
      if (applyingValue.current) return;
      echoes.current = [...echoes.current.slice(1 - MAX_PENDING_ECHOES), next];
      onChangeRef.current?.(next);
    });
    return () => {
      subscription.dispose();
    };
  }, [handle]);

  useEffect(() => {
    if (!handle?.editor.getModel()) return;
    const echo = echoes.current.indexOf(value);
    if (echo >= 0) {
      echoes.current = echoes.current.slice(echo + 1);
      return;
    }
    echoes.current = [];
    applyingValue.current = true;
    try {
      replaceModelText(handle.editor, value);
    } finally {
      applyingValue.current = false;
    }
  }, [value, handle]);

  return handle === null ? value : text;
}
