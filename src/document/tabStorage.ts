/** This tab's sessionStorage (it outlives a reload of the tab, and no more), or null where it is missing or refused. */
export function tabSessionStorage(): Pick<Storage, "getItem" | "setItem" | "removeItem"> | null {
  try {
    return typeof sessionStorage === "undefined" ? null : sessionStorage;
  } catch {
    return null;
  }
}
