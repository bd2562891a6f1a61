/**
 * User text that does not read as it is: stage and group names and rule ids holding hidden
 * characters (bidi controls, invisible characters: "Trojan Source") or look-alikes (a Cyrillic
 * `і` in `vіew`, a NO-BREAK SPACE, a NON-BREAKING HYPHEN). Flink accepts them all, so they are
 * warnings: the name shown is not the name matched, and two names may look equal. The messages
 * are built here, one way for every kind, and for condition strings too (`conditionProblems.ts`).
 */
import { findHiddenCharacters } from "./hiddenCharacters.ts";
import { findLookAlikes, withoutLookAlikes } from "./lookAlikeCharacters.ts";
import type { LookAlike } from "./lookAlikeCharacters.ts";
import type { GraphNode } from "./pattern.ts";
import { Findings, joinPath } from "./patternFindings.ts";
import type { PatternDiagnostic } from "./patternFindings.ts";

/** Ends every hidden-character message; the quick fixes know the finding by it. */
export const RETYPE_HIDDEN = "retype it if that was not meant";
/** Ends every look-alike message; the quick fixes know the finding by it. */
export const REPLACE_LOOK_ALIKES = "replace the look-alikes if that was not meant";

/**
 * A rule id that does not read as it is: a warning naming each hidden character and each
 * look-alike with its position, `[]` for an id without any. Flink takes any id string.
 */
export function validateRuleId(id: string): PatternDiagnostic[] {
  const findings = new Findings();
  const hidden = hiddenCharactersProblem(id, "id");
  if (hidden !== null) findings.warning(null, "", `rule id '${id}': ${hidden}`);
  const lookAlikes = lookAlikesProblem(id, "the id", "it is not the id it looks like");
  if (lookAlikes !== null) findings.warning(null, "", `rule id '${id}': ${lookAlikes}`);
  return findings.list;
}

/** Stage and group names (groups' stages included) holding hidden characters or look-alikes. */
export function checkNamesReadAsTheyAre(graph: GraphNode, path: string, findings: Findings): void {
  graph.nodes.forEach((node, i) => {
    const nodePath = joinPath(path, `nodes[${i}]`);
    const hidden = hiddenCharactersProblem(node.name, "name");
    if (hidden !== null) findings.warning(node.name, `${nodePath}.name`, hidden);
    const lookAlikes = lookAlikesProblem(node.name, "the name", "it is not the name it looks like");
    if (lookAlikes !== null) findings.warning(node.name, `${nodePath}.name`, lookAlikes);
    if (node.type === "COMPOSITE") checkNamesReadAsTheyAre(node, nodePath, findings);
  });
}

/**
 * The look-alikes of `text` as a message, null when it has none: `<subject> holds a look-alike:
 * U+0456 CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I (looks like Latin 'i') at character 2:
 * <consequence> ('view'). Flink accepts it; replace the look-alikes if that was not meant`.
 */
export function lookAlikesProblem(text: string, subject: string, consequence: string): string | null {
  const found = findLookAlikes(text);
  if (found.length === 0) return null;
  const what = found.length === 1 ? "a look-alike" : "look-alikes";
  const listed = listCharacters(found, (c) => ` (looks like ${twinText(c)})`);
  return `${subject} holds ${what}: ${listed}: ${consequence} ('${withoutLookAlikes(text)}'). Flink accepts it; ${REPLACE_LOOK_ALIKES}`;
}

/** What is hidden in `text` (a name or an id), as a message; null when it reads as it is. */
function hiddenCharactersProblem(text: string, what: "name" | "id"): string | null {
  // Space and dash look-alikes are displayed as hidden characters but reported as look-alikes.
  const hidden = findHiddenCharacters(text).filter((h) => h.kind !== "lookalike");
  if (hidden.length === 0) return null;
  const listed = listCharacters(hidden, (h) => (h.kind === "bidi" ? " (bidi control)" : ""));
  const reorders = hidden.some((h) => h.kind === "bidi")
    ? "it may display in another order than it is written"
    : `it may look equal to a different ${what}`;
  return `the ${what} holds ${listed}: ${reorders}. Flink accepts it; ${RETYPE_HIDDEN}`;
}

/** The most characters a message lists one by one. */
const LISTED = 4;

/** `U+202E RIGHT-TO-LEFT OVERRIDE<detail> at character 2, …`: the first four, and how many more. */
function listCharacters<
  T extends { readonly code: string; readonly name: string; readonly position: number },
>(chars: readonly T[], detail: (char: T) => string): string {
  const listed = chars
    .slice(0, LISTED)
    .map((c) => `${c.code} ${c.name}${detail(c)} at character ${c.position}`);
  const more = chars.length > LISTED ? ` and ${chars.length - LISTED} more` : "";
  return listed.join(", ") + more;
}

function twinText(found: LookAlike): string {
  switch (found.kind) {
    case "space":
      return "a space";
    case "dash":
      return `'${found.looksLike}'`;
    case "letter":
      return `Latin '${found.looksLike}'`;
  }
}
