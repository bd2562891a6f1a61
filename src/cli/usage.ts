/** The `cep-studio --help` text. */
export const USAGE = `Usage:
  cep-studio run --pattern FILE --events FILE [--key FIELD] [--bindings FILE]
                 [--time FIELD [--out-of-orderness MS | --watermarks explicit] [--no-final-watermark]]
                 [--clock FIELD]
  cep-studio convert --pattern FILE --to json|sql|java [--bindings FILE]
  cep-studio --help

Runs Flink CEP patterns written in dynamic-CEP JSON over events, with Flink's semantics
(one NFA per rule and key, as Flink's keyed CepOperator), or converts them.

run
  --pattern FILE        a dynamic-CEP GraphSpec, a rule {id, version, pattern, function},
                        or an array of rules (run side by side)
  --events FILE         .jsonl / .ndjson (one JSON object per line), .json (an array of
                        objects) or .csv (with a header row); '-' reads JSON Lines from stdin
  --key FIELD           keyBy this field (one NFA per value, output as a string); without it
                        every event shares one key ("key": null). Events without the field
                        are skipped.
  --bindings FILE       JSON object: condition class name -> condition expression, for the
                        pattern's CLASS conditions
  --time FIELD          event time from FIELD: epoch milliseconds, ISO-8601 or
                        'YYYY-MM-DD HH:mm:ss[.f]' (UTC unless an offset is given; a trailing
                        ' UTC' is accepted). Watermarks follow Flink's bounded
                        out-of-orderness: max timestamp - MS - 1 after every event.
  --out-of-orderness MS the bound (default 0)
  --watermarks explicit only {"$watermark": MS} records in the input advance the watermark
  --no-final-watermark  do not end with a +infinity watermark (by default the end of input
                        flushes buffered events, times out partial matches and releases
                        pending notFollowedBy matches, as a bounded Flink job does)
  --clock FIELD         processing time: before each event the clock is set to FIELD
                        (same formats as --time). With neither --time nor --clock the
                        clock is the event's position (0, 1, 2, ...). In processing time
                        partial matches time out as the clock passes their window; the end
                        of input flushes nothing (Flink stops processing-time timers).

  Output: JSON Lines on stdout, in emission order:
    {"type":"match","rule":ID,"version":N,"key":K,"events":{"stage":[event,...],...}}
    {"type":"timeout","rule":ID,"version":N,"key":K,"timestamp":MS,"events":{...}}
    {"type":"late","key":K,"event":{...}}
  Malformed input rows are skipped and reported on stderr as FILE:LINE: reason.

convert
  --to json             the normalized dynamic-CEP JSON
  --to sql              Flink SQL MATCH_RECOGNIZE
  --to java             Flink Java Pattern API code
  --bindings FILE       condition bindings used by the SQL and Java exports

Exit status: 0 on success, 2 for usage errors and invalid input files or patterns,
1 when a condition fails while running.
`;
