import { useEffect, useRef, useState } from "react";
import { countText } from "../format/timeText.ts";
import { currentScenarioFragment, openScenarioFragment } from "./openScenarioLink.ts";
import "./ShareTab.css";

type Made = { readonly ok: true; readonly url: string } | { readonly ok: false; readonly error: string };

/** Where opening a pasted link stands: under way, opened (with remarks or not), or refused. */
type Opening = { readonly tone: "busy" | "done" | "remarks" | "error"; readonly text: string };

/** The status line's look per tone: an error as the app's other errors, remarks as warnings. */
const OPENING_CLASS: Record<Opening["tone"], string> = {
  busy: "sim-muted",
  done: "sim-muted",
  remarks: "sim-warn-text",
  error: "sim-error-text",
};

/** The fragment of a pasted link or fragment (`https://…/#scenario=…` or `#scenario=…`). */
function fragmentOf(text: string): string {
  const at = text.indexOf("#");
  return at < 0 ? text.trim() : text.slice(at).trim();
}

/**
 * Share: a link that reopens exactly this view — the rules, where the data comes from (a seed
 * scenario, the generator's seed and knobs, or small inline data), the run settings, the
 * position, the dock tab and the broadcast schedule — and a field to open such a link.
 */
export function ShareTab() {
  const [made, setMade] = useState<Made | null>(null);
  const [building, setBuilding] = useState(false);
  const [copied, setCopied] = useState(false);
  const [pasted, setPasted] = useState("");
  const [opening, setOpening] = useState<Opening | null>(null);
  const status = useRef<HTMLParagraphElement>(null);
  // The status sits below the field, out of sight in a short dock: bring each new one into view.
  useEffect(() => {
    status.current?.scrollIntoView({ block: "nearest" });
  }, [opening]);

  const make = async () => {
    setCopied(false);
    setBuilding(true);
    // Let "Building link…" paint first: serialising megabytes of rules takes a moment of its own.
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
    // Asynchronous (the compression runs natively): a large rule set does not hold the tab.
    const result = await currentScenarioFragment().catch((e: unknown) => ({
      ok: false as const,
      error: e instanceof Error ? e.message : String(e),
    }));
    const base = `${window.location.origin}${window.location.pathname}${window.location.search}`;
    setBuilding(false);
    setMade(result.ok ? { ok: true, url: base + result.fragment } : result);
  };
  const open = async () => {
    setOpening({ tone: "busy", text: "Opening…" });
    // A worker that fails mid-way (loading the data, restarting the rules) is an error too, not "Opening…" forever.
    const { error, warnings } = await openScenarioFragment(fragmentOf(pasted)).catch((e: unknown) => ({
      error: e instanceof Error ? e.message : String(e),
      warnings: [],
    }));
    if (error !== null) setOpening({ tone: "error", text: `Not opened: ${error}` });
    else if (warnings.length > 0)
      setOpening({ tone: "remarks", text: `Opened, with remarks: ${warnings.join("; ")}` });
    else setOpening({ tone: "done", text: "Opened." });
  };

  return (
    <div className="sim-tab-body sim-share" data-testid="sim.share">
      <section aria-labelledby="sim-share-make">
        <h3 id="sim-share-make">Link to this view</h3>
        <p className="sim-muted">
          The rules, the data source (seed scenario, generator seed and knobs, or data up to 64 KB), the run
          settings, the position and the broadcast schedule, compressed into the link&apos;s fragment — it
          never reaches a server.
        </p>
        <div className="sim-tab-toolbar">
          <button
            type="button"
            className="sim-primary"
            data-testid="sim.share.make"
            disabled={building}
            onClick={() => void make()}
          >
            Make link
          </button>
          {building && (
            <span className="sim-muted" role="status" data-testid="sim.share.building">
              Building link…
            </span>
          )}
          {made?.ok === true && (
            <button
              type="button"
              onClick={() => {
                void navigator.clipboard.writeText(made.url).then(() => {
                  setCopied(true);
                });
              }}
            >
              {copied ? "Copied" : "Copy"}
            </button>
          )}
          {made?.ok === true && <span className="sim-muted">{countText(made.url.length)} characters</span>}
        </div>
        {made?.ok === true && (
          <input
            className="sim-share-url"
            readOnly
            value={made.url}
            aria-label="Scenario link"
            data-testid="sim.share.url"
            onFocus={(e) => {
              e.target.select();
            }}
          />
        )}
        {made?.ok === false && (
          <p className="sim-error-text" role="alert">
            No link: {made.error}.
          </p>
        )}
      </section>
      <section aria-labelledby="sim-share-open">
        <h3 id="sim-share-open">Open a scenario link</h3>
        <form
          className="sim-tab-toolbar"
          onSubmit={(e) => {
            e.preventDefault();
            void open();
          }}
        >
          <input
            className="sim-share-url"
            value={pasted}
            placeholder="https://…/#scenario=…"
            aria-label="Scenario link to open"
            data-testid="sim.share.paste"
            onChange={(e) => {
              setPasted(e.target.value);
            }}
          />
          <button type="submit" disabled={pasted.trim() === ""} data-testid="sim.share.open">
            Open
          </button>
        </form>
        {opening !== null && (
          <p
            ref={status}
            className={OPENING_CLASS[opening.tone]}
            role={opening.tone === "error" ? "alert" : "status"}
            data-testid="sim.share.status"
          >
            {opening.text}
          </p>
        )}
        <p className="sim-muted">
          Opening replaces your rules (Undo brings them back) and the simulator&apos;s data.
        </p>
      </section>
    </div>
  );
}
