/**
 * Where a sentence quotes user names that must be isolated (`<bdi>`) so that their
 * right-to-left letters cannot reorder the words around them. Kept apart from the components so
 * it can be tested as plain code.
 */

/** Strong right-to-left letters (Hebrew, Arabic, Syriac, Thaana, N'Ko, … and their supplements). */
const RIGHT_TO_LEFT = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFC]|[\uD802\uD803\uD83A\uD83B][\uDC00-\uDFFF]/;

/**
 * The non-overlapping occurrences, left to right, of the `names` that hold right-to-left letters
 * (longest first where two start at the same place). Each name's next occurrence is searched for
 * only once it falls behind the cursor, so a sentence quoting many names stays linear.
 */
export function isolatedOccurrences(
  text: string,
  names: readonly string[],
): Array<{ readonly at: number; readonly name: string }> {
  const wanted = [...new Set(names)].filter((n) => n !== "" && RIGHT_TO_LEFT.test(n));
  if (wanted.length === 0) return [];
  // Longest first, so a name that contains another is isolated whole.
  wanted.sort((a, b) => b.length - a.length);
  const nextAt = wanted.map((name) => text.indexOf(name));
  const found: Array<{ at: number; name: string }> = [];
  let cursor = 0;
  for (;;) {
    let best = -1;
    for (let i = 0; i < wanted.length; i++) {
      let at = nextAt[i] as number;
      if (at >= 0 && at < cursor) {
        at = text.indexOf(wanted[i] as string, cursor);
        nextAt[i] = at;
      }
      if (at >= 0 && (best < 0 || at < (nextAt[best] as number))) best = i;
    }
    if (best < 0) return found;
    const name = wanted[best] as string;
    const at = nextAt[best] as number;
    found.push({ at, name });
    cursor = at + name.length;
  }
}
