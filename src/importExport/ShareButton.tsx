/**
 * Share: the whole document (rules, positions, bindings) as a link — D1's compressed URL fragment
 * — copied to the clipboard, and always shown in a field to copy from by hand when the clipboard
 * API is refused (insecure origin, permissions). Very long links get a warning.
 */
import { useEffect, useRef, useState } from "react";
import { documentStore } from "../document/documentStore.ts";
import { encodeShareFragment } from "../document/shareLink.ts";
import { ModalDialog } from "./ModalDialog.tsx";
import "./ShareButton.css";

/** Links longer than this are cut by some chat tools, mail clients and proxies. */
const LONG_LINK_CHARS = 8_000;

type CopyState = "copying" | "copied" | "failed";

/** What the dialog shows: the link, or why the rule set has none. */
type Share = { readonly url: string } | { readonly error: string };

/** Writes `text` to the clipboard; rejects where the Clipboard API is unavailable (insecure origins). */
function writeClipboard(text: string): Promise<void> {
  if (!window.isSecureContext || !("clipboard" in navigator)) {
    return Promise.reject(new Error("the Clipboard API is not available here"));
  }
  return navigator.clipboard.writeText(text);
}

/** The header's Share button and its dialog. */
export function ShareButton() {
  const [share, setShare] = useState<Share | null>(null);
  const [copy, setCopy] = useState<CopyState>("copying");

  // Runs inside the click: browsers allow clipboard writes only during a user gesture.
  const copyLink = (link: string) => {
    setCopy("copying");
    writeClipboard(link).then(
      () => {
        setCopy("copied");
      },
      () => {
        setCopy("failed");
      },
    );
  };

  return (
    <>
      <button
        type="button"
        className="app-button"
        aria-haspopup="dialog"
        data-testid="share.button"
        onClick={() => {
          const encoded = encodeShareFragment(documentStore.getState().doc);
          if (!encoded.ok) {
            setShare({ error: encoded.error });
            return;
          }
          const { origin, pathname, search } = window.location;
          const link = `${origin}${pathname}${search}${encoded.fragment}`;
          setShare({ url: link });
          copyLink(link);
        }}
      >
        Share
      </button>
      {share !== null && "error" in share && (
        <TooLargeDialog
          error={share.error}
          onClose={() => {
            setShare(null);
          }}
        />
      )}
      {share !== null && "url" in share && (
        <ShareDialog
          url={share.url}
          copy={copy}
          onCopy={() => {
            copyLink(share.url);
          }}
          onClose={() => {
            setShare(null);
          }}
        />
      )}
    </>
  );
}

interface ShareDialogProps {
  readonly url: string;
  readonly copy: CopyState;
  readonly onCopy: () => void;
  readonly onClose: () => void;
}

function ShareDialog({ url, copy, onCopy, onClose }: ShareDialogProps) {
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    // Selected, so a refused clipboard leaves the user one keystroke from copying by hand.
    field.current?.select();
  }, [copy]);

  return (
    <ModalDialog
      title="Share link"
      testId="share.dialog"
      onClose={onClose}
      footer={
        <>
          <button type="button" className="app-button" data-testid="share.copy" onClick={onCopy}>
            Copy again
          </button>
          <button type="button" className="app-button app-button--primary" onClick={onClose}>
            Done
          </button>
        </>
      }
    >
      <p className="share-hint">
        The link holds the whole rule set — rules, layout and bindings — compressed in the part after{" "}
        <code>#</code>, which browsers never send to a server. Opening it restores the designer exactly.
      </p>
      <input
        ref={field}
        className="share-url"
        readOnly
        value={url}
        aria-label="Share link"
        data-autofocus
        data-testid="share.url"
        onFocus={(event) => {
          event.currentTarget.select();
        }}
      />
      <p
        className={`share-status share-status--${copy}`}
        role="status"
        aria-live="polite"
        data-testid="share.status"
      >
        {copy === "copied" && "Copied to the clipboard."}
        {copy === "failed" &&
          "The browser did not allow copying: the link is selected above — press Ctrl+C (⌘C) to copy it."}
        {copy === "copying" && "Copying…"}
      </p>
      <p className="share-length">{url.length.toLocaleString("en")} characters</p>
      {url.length > LONG_LINK_CHARS && (
        <p className="share-warning" role="alert" data-testid="share.warning">
          This link is very long: some chat tools, mail clients and proxies cut links beyond about{" "}
          {LONG_LINK_CHARS.toLocaleString("en")} characters. For a large rule set, export a file instead.
        </p>
      )}
    </ModalDialog>
  );
}

/** Said instead of a link when the rule set is beyond what a share link can carry. */
function TooLargeDialog({ error, onClose }: { readonly error: string; readonly onClose: () => void }) {
  return (
    <ModalDialog
      title="Share link"
      testId="share.dialog"
      onClose={onClose}
      footer={
        <button type="button" className="app-button app-button--primary" data-autofocus onClick={onClose}>
          Close
        </button>
      }
    >
      <p className="share-warning" role="alert" data-testid="share.tooLarge">
        This rule set is too large to share as a link: {error}, and CEP Studio could not open it. Share a file
        instead: the Export tab downloads the enabled rules as dynamic-CEP JSON, which Import reads back.
      </p>
    </ModalDialog>
  );
}
