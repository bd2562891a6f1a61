import { MAX_LISTED_ROW_WARNINGS } from "./rowWarnings.ts";

/** The `cep-studio --help` text. */
export const USAGE = `Usage:
  cep-studio run --pattern FILE --events FILE [--key FIELD] [--bindings FILE]
                 [--time FIELD [--out-of-orderness MS | --watermarks explicit] [--no-final-watermark]]
                 [--partitions N [--partition-field F]] [--watermark-interval MS] [--idle-timeout MS]
                 [--clock FIELD] [--broadcast FILE] [--max-partial-matches N]
                 [--parallelism N [--max-parallelism M] [--key-type TYPE]]
  cep-studio run --processor purchase-path|two-action --events FILE [--broadcast FILE] [...]
  cep-studio convert --pattern FILE --to json|sql|java [--bindings FILE]
  cep-studio generate --events N [--seed S] [--users U]
                 [--schema rees46|scenarios|seed000|seed001] [--format csv|jsonl] [--rate EPS]
                 [--out-of-orderness MS [--disorder D]]
                 [--late-fraction F] [--partitions P] [--idle-every MS --idle-for MS]
  cep-studio --help

Runs Flink CEP patterns written in dynamic-CEP JSON over events, with Flink's semantics
(one NFA per rule and key, as Flink's keyed CepOperator), converts them, or generates
a synthetic event stream to run them on.

run
  --pattern FILE        a dynamic-CEP GraphSpec, a rule {id, version, pattern, function},
                        or an array of rules (run side by side)
  --events FILE         .jsonl / .ndjson (one JSON object per line), .json (an array of
                        objects) or .csv (with a header row); '-' reads JSON Lines from stdin.
                        An empty CSV cell is the empty string, quoted or not (as Flink's
                        CSV format reads a STRING column)
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
  --partitions N        event time read from N source partitions, each with its own
                        watermarks (bounded out-of-orderness); every subtask's watermark is
                        the minimum over the active partitions, as Flink's
                        StatusWatermarkValve. Events go round-robin (the i-th to i mod N)
  --partition-field F   ... or to the partition named by field F (0..N-1; the generator's
                        'partition' field with --partitions)
  --watermark-interval MS
                        emit watermarks every MS of the simulated processing clock (Flink's
                        auto-watermark interval) instead of after every event. In event time
                        the simulated clock is the largest timestamp read so far
  --idle-timeout MS     withIdleness: a partition without events for more than MS of the
                        simulated clock is idle and stops holding the watermark back until
                        it reads again
  --clock FIELD         processing time: before each event the clock is set to FIELD
                        (same formats as --time). With neither --time nor --clock the
                        clock is the event's position (0, 1, 2, ...). As in Flink, a key's
                        partial matches time out at its next event, or through the timer
                        Flink sets at start + window + 1 for a FIRST_AND_LAST window when an
                        event starts a new partial match; the end of input flushes nothing
                        (Flink stops processing-time timers).
  --broadcast FILE      JSON Lines, the broadcast stream. A record {"at":T,...} takes effect
                        before the first event whose time (--time/--clock: epoch ms or a
                        date-time) or 0-based position (otherwise) is >= T; records must be
                        in 'at' order; records left at the end apply before the final
                        watermark. With rules (--pattern is then optional):
                          {"at":T,"rule":{"id":…,"version":N,"pattern":{…},"function":…}}
                              add a rule, or update one: a higher version replaces the
                              active one, which starts over with empty state; the old
                              version's partial matches are reported as rule-dropped. A
                              same or lower version is rejected (warning on stderr).
                          {"at":T,"remove":"ID"}      remove a rule (rule-dropped)
                          {"at":T,"config":{…}}       replace the config conditions read as
                              config.x; an event sees the config in force when it arrived
                          {"at":T,"config":{…},"keyBy":"channel","value":"APP"}
                              the config of events whose field channel is APP (a
                              keyed config replaces the global one for those events)
                        With --processor purchase-path:
                          {"at":T,"config":{"channel":"APP","registerDate":"2018-01-01",
                                "historyPurchaseTimes":0,"maxPurchasePathLength":3}}
                              that channel's config (one per channel)
                        With --processor two-action:
                          {"at":T,"pattern":{"firstAction":"login","secondAction":"logout"}}
                              replaces the active pattern
  --parallelism N       run N parallel subtasks; each key goes where Flink's
                        KeyGroupRangeAssignment puts it, and every output record gains
                        "subtask":I (all but rule-dropped, which sums over subtasks)
  --max-parallelism M   number of key groups (default 128)
  --key-type TYPE       the Java type keys are hashed as: String (default), Long, Integer,
                        Boolean or Double
  --max-partial-matches N
                        the most partial matches one key may hold per rule (default
                        10000); beyond it the most recently started are dropped, with
                        one warning per rule on stderr
  --processor NAME      run a built-in keyed-broadcast processor instead of rules:
                        purchase-path (seed 000) or two-action (seed 001); --key defaults
                        to userId; no --pattern or --bindings

  Output: JSON Lines on stdout, in emission order:
    {"type":"match","rule":ID,"version":N,"key":K,"events":{"stage":[event,...],...}}
    {"type":"timeout","rule":ID,"version":N,"key":K,"timestamp":MS,"events":{...}}
    {"type":"late","key":K,"event":{...}}
    {"type":"rule-dropped","rule":ID,"version":N,"partialMatches":COUNT}
    {"type":"result",...}   (--processor; purchase-path: userId, channel,
                            purchasePathLength, eventTypeCounts; two-action: userId, pattern)
  Malformed input rows are skipped and reported on stderr as FILE:LINE: reason; so is
  a row with a number beyond a double's range (1e400: Jackson's Infinity). A JSON row
  with a duplicate key is read with the last value, as Jackson does, and a warning (the
  first ${MAX_LISTED_ROW_WARNINGS} listed, the rest counted).

convert
  --to json             the normalized dynamic-CEP JSON
  --to sql              Flink SQL MATCH_RECOGNIZE
  --to java             Flink Java Pattern API code
  --bindings FILE       condition bindings used by the SQL and Java exports

generate
  Writes a seeded synthetic clickstream to stdout: the same arguments write the same bytes.
  Shopping sessions view, cart and buy (REES46's mix: 94 % view, 3.6 % cart, 2.4 % purchase)
  with repeat views, cross-category browsing, price drops on re-viewed products, abandoned
  carts and long browsing without purchase, so the seed scenarios' patterns match.
  --events N            number of events (a whole number >= 0; required)
  --seed S              whole number (default 1)
  --users U             number of users (default 1000); a few heavy users, many light ones
  --schema NAME         rees46 (default): event_time,event_type,product_id,category_id,
                          category_code,brand,price,user_id,user_session; times like
                          '2019-10-01 00:00:00 UTC'; key user_id, time event_time
                        scenarios: the seed scenarios' columns, eventTime,eventType,productId,
                          categoryId,categoryCode,brand,price,userId,userSession; CSV times
                          like '2020-01-01 00:01:00.0', JSON Lines times in epoch ms (as the
                          seed's Kafka records); key userId, time eventTime; the seed rules
                          and bindings run on it as they are
                        seed000: {"userId","channel","eventType","eventTime","data":
                          {"productId","price","amount"}} (VIEW_PRODUCT, ADD_TO_CART,
                          REMOVE_FROM_CART, PURCHASE), for --processor purchase-path
                        seed001: {"userId","action"} (login, view, add-to-cart, payment,
                          logout), for --processor two-action; no time field
  --format csv|jsonl    csv (with a header; seed000 flattens data into productId,price,
                        amount) or JSON Lines with the same field names. Default: csv for
                        rees46 and scenarios, jsonl for seed000 and seed001
  --rate EPS            events per second of event time (default 20, as REES46)
  --out-of-orderness MS each event arrives up to MS after its timestamp (default 0: in
                        order), so '--out-of-orderness MS' in run never finds one late
  --disorder D          how delays spread up to MS: uniform (default) or exponential
                        (mean MS/4: mostly in order, a tail of stragglers)
  --late-fraction F     share of events (0..1) that arrive 60 s after the bound: late
  --partitions P        spread users over P source partitions (by a hash of the user);
                        with P > 1 every record ends with "partition" (CSV: a column)
  --idle-every MS --idle-for MS
                        in the last --idle-for ms of every --idle-every ms of event time
                        one partition goes quiet (in turn); with one partition the whole
                        stream does, leaving a gap in event time

Exit status: 0 on success, 2 for usage errors and invalid input files or patterns,
1 when a condition fails while running.
`;
