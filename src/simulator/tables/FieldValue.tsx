import { cellText } from "../format/cellText.ts";
import { fieldText } from "./eventText.ts";
import { VisibleText } from "../../ui/text/VisibleText.tsx";

/**
 * A field's value in a table cell. No value (JSON `null`, nil in conditions) and the empty
 * string (an empty CSV cell) are set apart from text, so neither passes for the text "null" nor
 * for a missing field, which stays blank.
 */
export function FieldValue({ value }: { value: unknown }) {
  if (value === null)
    return (
      <span className="sim-no-value" title="no value (null): nil in conditions">
        null
      </span>
    );
  if (value === "")
    return (
      <span className="sim-no-value" title="the empty string">
        &quot;&quot;
      </span>
    );
  return <VisibleText text={cellText(fieldText(value))} />;
}
