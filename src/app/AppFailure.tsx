/**
 * The last resort around the whole app: a render error that no panel's own frame caught would
 * make React unmount everything and leave a blank page. Instead the page says what happened and
 * offers a reload. The rule set is not lost: the document store saves every change to this
 * browser as it is made (`src/document/persistence.ts`), outside React.
 */
import { Component, type ReactNode } from "react";

interface FailureState {
  /** What went wrong; null while the app runs. */
  readonly error: string | null;
}

/** See the module comment. */
export class AppFailure extends Component<{ readonly children: ReactNode }, FailureState> {
  override state: FailureState = { error: null };

  static getDerivedStateFromError(error: unknown): FailureState {
    return { error: error instanceof Error ? error.message : String(error) };
  }

  override render(): ReactNode {
    if (this.state.error === null) return this.props.children;
    return (
      <main className="app-failure" role="alert" data-testid="app.failure">
        <h1>CEP Studio stopped</h1>
        <p>
          Something failed that the app could not recover from: <code>{this.state.error}</code>
        </p>
        <p>Your rules are kept in this browser as you edit them. Reload the page to go on where you were.</p>
        <button
          type="button"
          className="app-button"
          onClick={() => {
            globalThis.location.reload();
          }}
        >
          Reload
        </button>
      </main>
    );
  }
}
