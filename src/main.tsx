import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/App.tsx";
import { AppFailure } from "./app/AppFailure.tsx";
import { bootstrapDocument } from "./app/bootstrap.ts";
import { installTestApi } from "./app/testApi.ts";
import "./app/app.css";

const container = document.getElementById("root");
if (!container) throw new Error("index.html has no #root element");
const root = createRoot(container);
root.render(<p className="app-loading">Opening your document…</p>);
installTestApi();

// The app mounts once the starting document is in the store, so the canvas and the simulator
// never start on the default document only to have it replaced a moment later.
void bootstrapDocument({
  hash: window.location.hash,
  clearHash: () => {
    window.history.replaceState(null, "", window.location.pathname + window.location.search);
  },
}).finally(() => {
  root.render(
    <StrictMode>
      <AppFailure>
        <App />
      </AppFailure>
    </StrictMode>,
  );
});
