/**
 * Makes part of the app fail the way a bug would: an init script (browser code as a string — the
 * e2e project has no DOM types) whose ResizeObserver refuses to watch anything inside `selector`
 * while `globalThis.__failResizeObserver` is true (it starts true).
 */
export function failingResizeObserver(selector: string, message: string): string {
  return `
    const Native = globalThis.ResizeObserver;
    globalThis.__failResizeObserver = true;
    globalThis.ResizeObserver = class extends Native {
      observe(target, options) {
        if (globalThis.__failResizeObserver && target.closest(${JSON.stringify(selector)}) !== null)
          throw new Error(${JSON.stringify(message)});
        super.observe(target, options);
      }
    };
  `;
}

/** Browser code that lets the observer of {@link failingResizeObserver} work again. */
export const RESIZE_OBSERVER_WORKS = "globalThis.__failResizeObserver = false";
