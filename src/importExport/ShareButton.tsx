/**
 * Share: the whole document (rules, positions, bindings) as a link — D1's compressed URL fragment
 * — copied to the clipboard, and always shown in a field to copy from by hand when the clipboard
 * API is refused (insecure origin, permissions). Very long links get a warning. The link is built
 * asynchronously: the dialog opens at once, says "Building link…" while a large rule set
 * compresses, and the tab stays responsive.
 */
import { useEffect, useRef, useState } from "react";
import { documentStore } from "../document/documentStore.ts";
import { encodeShareFragment } from "../document/shareLink.ts";
import type { StudioDocument } from "../document/studioDocument.ts";
import { ModalDialog } from "./ModalDialog.tsx";
import "./ShareButton.css";

/** Links longer than this are cut by some chat tools, mail clients and proxies. */
const LONG_LINK_CHARS = 8_000;

type CopyState = "copying" | "copied" | "failed";

/** What the dialog shows: the link being built, the link, or why the rule set has none. */
type Share =
  | { readonly building: true }
  | { readonly url: string }
  | { readonly tooLarge: string }
  | { readonly failed: string };

/**
 * Writes `text` to the clipboard; rejects where the Clipboard API is unavailable (insecure
 * origins). Text still being built goes in a `ClipboardItem` made now, inside the click, so
 * browsers that allow writes only during a user gesture (Safari) accept it when it is ready.
 */
function writeClipboard(text: string | Promise<string>): Promise<void> {
  if (!window.isSecureContext || !("clipboard" in navigator)) {
    return Promise.reject(new Error("the Clipboard API is not available here"));
  }
  if (typeof text === "string") return navigator.clipboard.writeText(text);
  if ("ClipboardItem" in window) {
    const blob = text.then((t) => new Blob([t], { type: "text/plain" }));
    return navigator.clipboard.write([new ClipboardItem({ "text/plain": blob })]);
  }
  return text.then((t) => navigator.clipboard.writeText(t));
}

/** The link that opens `doc`, or why there is none. */
async function buildShare(doc: StudioDocument): Promise<Exclude<Share, { readonly building: true }>> {
  // Let "Building link…" paint first: serialising megabytes of rules takes a moment of its own.
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
  const encoded = await encodeShareFragment(doc);
  if (!encoded.ok) return { tooLarge: encoded.error };
  const { origin, pathname, search } = window.location;
  return { url: `${origin}${pathname}${search}${encoded.fragment}` };
}

/** The header's Share button and its dialog. */
export function ShareButton() {
  const [share, setShare] = useState<Share | null>(null);
  const [copy, setCopy] = useState<CopyState>("copying");
  // Which click the dialog shows: a link finished after its dialog was closed is dropped.
  const request = useRef(0);

  // Runs inside the click: browsers allow clipboard writes only during a user gesture.
  const copyLink = (link: string | Promise<string>) => {
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

  const open = () => {
    const id = ++request.current;
    setShare({ building: true });
    // A browser without CompressionStream (older than 2023) cannot build one.
    const built = buildShare(documentStore.getState().doc).catch((error: unknown) => ({
      failed: error instanceof Error ? error.message : String(error),
    }));
    copyLink(
      built.then((result) => {
        if (!("url" in result) || request.current !== id) throw new Error("no link to copy");
        return result.url;
      }),
    );
    void built.then((result) => {
      if (request.current === id) setShare(result);
    });
  };

  const close = () => {
    request.current++;
    setShare(null);
  };

  return (
    <>
      <button
        type="button"
        className="app-button"
        aria-haspopup="dialog"
        data-testid="share.button"
        onClick={open}
      >
        Share
      </button>
      {share !== null && (
        <ShareDialog
          share={share}
          copy={copy}
          onCopy={(url) => {
            copyLink(url);
          }}
          onClose={close}
        />
      )}
    </>
  );
}

interface ShareDialogProps {
  readonly share: Share;
  readonly copy: CopyState;
  readonly onCopy: (url: string) => void;
  readonly onClose: () => void;
}

/** One dialog from the click on: building, then the link or why there is none. */
function ShareDialog({ share, copy, onCopy, onClose }: ShareDialogProps) {
  const url = "url" in share ? share.url : null;
  const done = (
    <button type="button" className="app-button app-button--primary" data-autofocus onClick={onClose}>
      {"tooLarge" in share || "failed" in share ? "Close" : "Done"}
    </button>
  );
  return (
    <ModalDialog
      title="Share link"
      testId="share.dialog"
      onClose={onClose}
      footer={
        <>
          {url !== null && (
            <button
              type="button"
              className="app-button"
              data-testid="share.copy"
              onClick={() => {
                onCopy(url);
              }}
            >
              Copy again
            </button>
          )}
          {done}
        </>
      }
    >
      <ShareBody share={share} copy={copy} />
    </ModalDialog>
  );
}

function ShareBody({ share, copy }: { readonly share: Share; readonly copy: CopyState }) {
  if ("tooLarge" in share) {
    return (
      <p className="share-warning" role="alert" data-testid="share.tooLarge">
        This rule set is too large to share as a link: {share.tooLarge}, and CEP Studio could not open it.
        Share a file instead: the Export tab downloads the enabled rules as dynamic-CEP JSON, which Import
        reads back.
      </p>
    );
  }
  if ("failed" in share) {
    return (
      <p className="share-warning" role="alert" data-testid="share.failed">
        This browser could not build the link ({share.failed}). Share a file instead: the Export tab downloads
        the enabled rules as dynamic-CEP JSON, which Import reads back.
      </p>
    );
  }
  return (
    <>
      <p className="share-hint">
        The link holds the whole rule set — rules, layout and bindings — compressed in the part after{" "}
        <code>#</code>, which browsers never send to a server. Opening it restores the designer exactly.
      </p>
      {"url" in share ? <LinkField url={share.url} copy={copy} /> : <BuildingLink />}
    </>
  );
}

/** Stands where the link will be while a large rule set compresses. */
function BuildingLink() {
  return (
    <>
      <div className="share-url share-url--building" aria-hidden="true" />
      <p className="share-status" role="status" aria-live="polite" data-testid="share.building">
        Building link…
      </p>
    </>
  );
}

function LinkField({ url, copy }: { readonly url: string; readonly copy: CopyState }) {
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    // The link takes focus when it appears (the dialog opened on "Building link…"), unless the
    // user has moved it elsewhere meanwhile.
    const input = field.current;
    if (input?.closest("dialog")?.contains(document.activeElement)) input.focus();
  }, []);
  useEffect(() => {
    // Selected, so a refused clipboard leaves the user one keystroke from copying by hand.
    field.current?.select();
  }, [copy]);

  return (
    <>
      <input
        ref={field}
        className="share-url"
        readOnly
        value={url}
        aria-label="Share link"
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
    </>
  );
}
