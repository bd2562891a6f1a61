/**
 * A modal dialog on the native `<dialog>` element: `showModal()` makes the rest of the page
 * inert, Escape closes it (the `cancel` event), Tab and Shift+Tab cycle inside it, and focus goes
 * back to what had it before the dialog opened. Used by the import, bindings, share and template
 * dialogs.
 */
import { useEffect, useId, useRef } from "react";
import type { KeyboardEvent, ReactNode } from "react";
import "./ModalDialog.css";

export interface ModalDialogProps {
  readonly title: string;
  /** Root test id (`import.dialog`); the close button is `<testId>.close`. */
  readonly testId: string;
  readonly onClose: () => void;
  readonly children: ReactNode;
  /** Buttons at the bottom, right-aligned. */
  readonly footer?: ReactNode;
  /** "wide" for galleries and previews. */
  readonly size?: "normal" | "wide";
}

const FOCUSABLE =
  'a[href], button:not(:disabled), input:not(:disabled), select:not(:disabled), textarea:not(:disabled), [tabindex]:not([tabindex="-1"])';

/** A modal dialog, open while mounted. */
export function ModalDialog({ title, testId, onClose, children, footer, size = "normal" }: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    const autofocus = dialog.querySelector<HTMLElement>("[data-autofocus]");
    (autofocus ?? dialog.querySelector<HTMLElement>(FOCUSABLE))?.focus();
    const onCancel = (event: Event) => {
      // Escape: we close through React state so the parent unmounts us.
      event.preventDefault();
      onCloseRef.current();
    };
    dialog.addEventListener("cancel", onCancel);
    return () => {
      dialog.removeEventListener("cancel", onCancel);
      if (dialog.open) dialog.close();
      opener?.focus();
    };
  }, []);

  const trapTab = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key !== "Tab" || !ref.current) return;
    const focusable = [...ref.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = focusable[0];
    const last = focusable.at(-1);
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <dialog
      ref={ref}
      className={`modal-dialog modal-dialog--${size}`}
      aria-labelledby={titleId}
      data-testid={testId}
      onKeyDown={trapTab}
    >
      <header className="modal-dialog__header">
        <h2 id={titleId} className="modal-dialog__title">
          {title}
        </h2>
        <button
          type="button"
          className="modal-dialog__close"
          aria-label="Close"
          data-testid={`${testId}.close`}
          onClick={onClose}
        >
          ×
        </button>
      </header>
      <div className="modal-dialog__body">{children}</div>
      {footer !== undefined && <footer className="modal-dialog__footer">{footer}</footer>}
    </dialog>
  );
}
