/**
 * User text (stage names, rule ids, keys, field values) shown as text: each hidden character
 * (`findHiddenCharacters`) as a marker such as `⟨U+202E⟩` whose tooltip names it, so no bidi
 * control acts and no invisible character hides. A value is isolated in a `<bdi>`, so neither a
 * control nor a right-to-left name can reorder the text around it. Inputs and editors keep the
 * raw text; only displays use these. Never HTML: every part is a React text node.
 */
import { Fragment } from "react";
import type { ReactNode } from "react";
import {
  hiddenCharacterMarker,
  hiddenCharacterTitle,
  splitHiddenCharacters,
} from "../../model/hiddenCharacters.ts";
import "./VisibleText.css";

/** A value (a name, an id, a key, a field): as it really is, isolated from the text around it. */
export function VisibleText({ text }: { readonly text: string }) {
  return <bdi className="visible-text">{marked(text)}</bdi>;
}

/**
 * Prose in the UI's own direction that quotes user text (a finding naming its stage, an
 * explanation): hidden characters marked, and each occurrence of one of `names` isolated as a
 * {@link VisibleText}, so a right-to-left name cannot carry the words after it along.
 */
export function VisibleSentence({
  text,
  names = [],
}: {
  readonly text: string;
  readonly names?: readonly string[];
}) {
  const parts: ReactNode[] = [];
  let rest = text;
  // Longest names first, so a name that contains another is isolated whole.
  const wanted = [...new Set(names)].filter((n) => n !== "").sort((a, b) => b.length - a.length);
  for (;;) {
    const next = firstOccurrence(rest, wanted);
    if (next === null) break;
    parts.push(
      <Fragment key={parts.length}>{marked(rest.slice(0, next.at))}</Fragment>,
      <VisibleText key={parts.length + 1} text={next.name} />,
    );
    rest = rest.slice(next.at + next.name.length);
  }
  parts.push(<Fragment key={parts.length}>{marked(rest)}</Fragment>);
  return <span className="visible-sentence">{parts}</span>;
}

/** `text` as text nodes and markers. */
function marked(text: string): ReactNode[] {
  return splitHiddenCharacters(text).map((part, i) =>
    part.type === "text" ? (
      part.text
    ) : (
      <span
        // Parts never move: the index is their identity.
        key={i}
        className={`visible-text__hidden visible-text__hidden--${part.hidden.kind}`}
        title={hiddenCharacterTitle(part.hidden)}
        data-hidden-char={part.hidden.code}
      >
        {hiddenCharacterMarker(part.hidden)}
      </span>
    ),
  );
}

function firstOccurrence(
  text: string,
  names: readonly string[],
): { readonly at: number; readonly name: string } | null {
  let best: { at: number; name: string } | null = null;
  for (const name of names) {
    const at = text.indexOf(name);
    if (at >= 0 && (best === null || at < best.at)) best = { at, name };
  }
  return best;
}
