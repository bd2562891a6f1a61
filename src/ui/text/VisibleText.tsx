/**
 * User text (stage names, rule ids, keys, field values) shown as text: each hidden character
 * (`findHiddenCharacters`) as a marker such as `⟨U+202E⟩` whose tooltip names it, so no bidi
 * control acts, no invisible character hides and no space or dash look-alike (NO-BREAK SPACE,
 * NON-BREAKING HYPHEN) passes for the ASCII one. Letters that look Latin (a Cyrillic `і`) show as
 * they are: they are visible, and the validator's warning names them. A value is isolated in a `<bdi>`, so neither a
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
import { isolatedOccurrences } from "./isolatedOccurrences.ts";
import "./VisibleText.css";

/** A value (a name, an id, a key, a field): as it really is, isolated from the text around it. */
export function VisibleText({ text }: { readonly text: string }) {
  return <bdi className="visible-text">{marked(text)}</bdi>;
}

/**
 * Prose in the UI's own direction that quotes user text (a finding naming its stage, an
 * explanation): hidden characters marked, and each occurrence of one of `names` that holds
 * right-to-left letters isolated as a {@link VisibleText}, so it cannot carry the words after it
 * along. Other names need no isolation: their bidi controls are already shown as markers, and
 * left-to-right text cannot reorder the sentence.
 */
export function VisibleSentence({
  text,
  names = [],
}: {
  readonly text: string;
  readonly names?: readonly string[];
}) {
  const parts: ReactNode[] = [];
  let cursor = 0;
  for (const next of isolatedOccurrences(text, names)) {
    parts.push(
      <Fragment key={parts.length}>{marked(text.slice(cursor, next.at))}</Fragment>,
      <VisibleText key={parts.length + 1} text={next.name} />,
    );
    cursor = next.at + next.name.length;
  }
  parts.push(<Fragment key={parts.length}>{marked(text.slice(cursor))}</Fragment>);
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
