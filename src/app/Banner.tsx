import { dismissBanner, useBannerMessages } from "./bannerStore.ts";
import "./Banner.css";

/** The shell's message banner: one row per message, each dismissible; nothing when empty. */
export function Banner() {
  const messages = useBannerMessages();
  if (messages.length === 0) return null;
  return (
    <div className="app-banner" data-testid="app.banner">
      {messages.map((m) => (
        <div
          key={m.id}
          className={`app-banner__message app-banner__message--${m.kind}`}
          role={m.kind === "error" ? "alert" : "status"}
        >
          <span className="app-banner__text">{m.text}</span>
          {m.actions.map((action) => (
            <button
              key={action.label}
              type="button"
              className="app-banner__action"
              data-testid={`app.banner.action.${action.label}`}
              onClick={() => {
                dismissBanner(m.id);
                action.run();
              }}
            >
              {action.label}
            </button>
          ))}
          {/* A message that asks for a choice stays until the user makes it. */}
          {m.actions.length === 0 && (
            <button
              type="button"
              className="app-banner__dismiss"
              aria-label="Dismiss message"
              data-testid="app.banner.dismiss"
              onClick={() => {
                dismissBanner(m.id);
              }}
            >
              ×
            </button>
          )}
        </div>
      ))}
    </div>
  );
}
