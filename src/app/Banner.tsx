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
        </div>
      ))}
    </div>
  );
}
