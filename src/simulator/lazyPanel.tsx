/**
 * Dock panels loaded on first show: each is a chunk of its own (React.lazy), so the first paint
 * does not wait for panels nobody opened yet — uPlot, the Learn cards, the Broadcast editor, the
 * tables. While a panel loads, {@link PanelFrame} says so; a panel that cannot load (its chunk
 * could not be fetched) says why and offers to try again, instead of taking the app down.
 */
import { Component, lazy, Suspense } from "react";
import type { ComponentType, ReactNode } from "react";

/** A panel component that loads its chunk on first render, or earlier by `preload`. */
export interface LazyPanel {
  (): ReactNode;
  /** Starts loading the chunk now (after the first paint, so a later first show is instant). */
  preload: () => void;
  /** After a failed load: the next render loads afresh (React.lazy would keep the failure). */
  reload: () => void;
}

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

/** Shown while a panel's chunk loads. */
function PanelLoading({ label }: { label: string }) {
  return (
    <p className="sim-tab-body sim-muted" role="status" data-testid="sim.panel.loading">
      Loading {label}…
    </p>
  );
}

interface FrameState {
  /** Why the panel could not be shown; null while it can. */
  readonly error: string | null;
}

interface FrameProps {
  readonly label: string;
  readonly panel: ComponentType | LazyPanel;
}

/** One dock panel, with Suspense while it loads and an error boundary should it fail. */
export class PanelFrame extends Component<FrameProps, FrameState> {
  override state: FrameState = { error: null };

  static getDerivedStateFromError(error: unknown): FrameState {
    return { error: error instanceof Error ? error.message : String(error) };
  }

  override render(): ReactNode {
    const { label, panel: Panel } = this.props;
    if (this.state.error !== null)
      return (
        <div className="sim-tab-body sim-panel-error" role="alert" data-testid="sim.panel.error">
          <p className="sim-error-text">
            The {label} view could not be shown ({this.state.error}).
          </p>
          <button
            type="button"
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
      <Suspense fallback={<PanelLoading label={label} />}>
        <Panel />
      </Suspense>
    );
  }
}
