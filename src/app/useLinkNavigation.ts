import { useEffect } from "react";
import { openLinkInRunningApp } from "./bootstrap.ts";

/**
 * Opens share and scenario links pasted into the address bar while the app runs (a `hashchange`,
 * not a page load), as a fresh start would open them.
 */
export function useLinkNavigation(): void {
  useEffect(() => {
    const onHashChange = () => {
      openLinkInRunningApp({
        hash: window.location.hash,
        clearHash: () => {
          window.history.replaceState(null, "", window.location.pathname + window.location.search);
        },
      });
    };
    window.addEventListener("hashchange", onHashChange);
    return () => {
      window.removeEventListener("hashchange", onHashChange);
    };
  }, []);
}
