/** Text with `backquoted` spans shown as inline code — plain React text, never parsed as HTML. */

/** Renders `text`, its backquoted parts in `<code>`. */
export function CodeSpans({ text }: { readonly text: string }) {
  return <>{text.split("`").map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part))}</>;
}
