/**
 * Panels loaded on first show: each is a chunk of its own (React.lazy), so the first paint does
 * not wait for panels nobody opened yet — the simulator dock's uPlot, Learn cards and tables, the
 * right panel's rule source and the SQL / Java exporters. While a panel loads, {@link PanelFrame}
 * says so; a panel that cannot load (its chunk could not be fetched) says why and offers to try
 * again, instead of taking the app down.
 */
import { Component, lazy, Suspense, useEffect } from "react";
import type { ComponentType, ReactNode } from "react";
import "./lazyPanel.css";

/** A panel component that loads its chunk on first render, or earlier by `preload`. */
export interface LazyPanel {
  (): ReactNode;
  /** Starts loading the chunk now (after the first paint, so a later first show is instant). */
  preload: () => void;
  /** After a failed load: the next render loads afresh (React.lazy would keep the failure). */
  reload: () => void;
}

/** What a panel slot shows: a component already in the bundle, or one loaded on first show. */
export type PanelComponent = ComponentType | LazyPanel;

/** A panel whose module `load` imports on first use. */
export function lazyPanel(load: () => Promise<ComponentType>): LazyPanel {
  let loading: Promise<{ default: ComponentType }> | null = null;
  /** The component once its chunk is in: rendered directly, without a Suspense round trip. */
  let ready: ComponentType | null = null;
  let failed = false;
  const start = () =>
    (loading ??= load().then(
      (component) => {
        ready = component;
        return { default: component };
      },
      (error: unknown) => {
        loading = null;
        failed = true;
        throw error;
      },
    ));
  let Loaded = lazy(start);
  const panel = () => {
    const Panel = ready ?? Loaded;
    return <Panel />;
  };
  panel.preload = () => {
    start().catch(() => undefined);
  };
  panel.reload = () => {
    if (!failed) return;
    failed = false;
    Loaded = lazy(start);
  };
  return panel;
}

/** How long after mounting the lazy panels' chunks start to load: the app has painted and settled. */
const PRELOAD_DELAY_MS = 1500;

/**
 * Once the app has painted and settled, fetches the chunks of the lazy ones among `panels` in the
 * background, so that opening one later shows it at once. `panels` should be a stable array.
 */
export function usePanelPreload(panels: readonly PanelComponent[]): void {
  useEffect(() => {
    const timer = setTimeout(() => {
      for (const panel of panels) if ("preload" in panel) panel.preload();
    }, PRELOAD_DELAY_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [panels]);
}

interface FrameState {
  /** Why the panel could not be shown; null while it can. */
  readonly error: string | null;
}

interface FrameProps {
  /** The panel's name, as its tab shows it. */
  readonly label: string;
  readonly panel: PanelComponent;
  /** Test id prefix: the loading status is `<prefix>.loading`, the failure `<prefix>.error`. */
  readonly testId: string;
  /**
   * After a failure, a change of this value shows the panel again by itself: what it failed on
   * (the active rule, say) changed, through an undo or another view.
   */
  readonly resetKey?: unknown;
}

/**
 * One panel, with Suspense while it loads and an error boundary should it fail (to load, or to
 * render what it is given). Give each panel its own frame (a `key` per panel), so one panel's
 * failure is not shown in place of another.
 */
export class PanelFrame extends Component<FrameProps, FrameState> {
  override state: FrameState = { error: null };

  static getDerivedStateFromError(error: unknown): FrameState {
    return { error: error instanceof Error ? error.message : String(error) };
  }

  override componentDidUpdate(previous: FrameProps): void {
    if (this.state.error !== null && previous.resetKey !== this.props.resetKey)
      this.setState({ error: null });
  }

  override render(): ReactNode {
    const { label, panel: Panel, testId } = this.props;
    if (this.state.error !== null)
      return (
        <div className="panel-frame panel-frame--error" role="alert" data-testid={`${testId}.error`}>
          <p className="panel-frame__error-text">
            The {label} view could not be shown ({this.state.error}).
          </p>
          <button
            type="button"
            className="app-button"
            onClick={() => {
              if ("reload" in Panel) Panel.reload();
              this.setState({ error: null });
            }}
          >
            Try again
          </button>
        </div>
      );
    return (
      <Suspense
        fallback={
          <p className="panel-frame panel-frame--loading" role="status" data-testid={`${testId}.loading`}>
            Loading {label}…
          </p>
        }
      >
        <Panel />
      </Suspense>
    );
  }
}
