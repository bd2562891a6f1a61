/**
 * The dynamic-CEP GraphSpec JSON schema, copied verbatim from the research notes
 * (`shared/docs/dynamic-cep-graph.schema.json`; not an official Ververica schema). The source
 * view validates with it through Monaco's JSON worker, as warnings: the importer
 * (`src/formats/dynamicCep`) is what decides whether a rule is valid.
 */
import type { JsonSchema } from "./monacoSetup.ts";

/** The GraphSpec schema (draft 2020-12, definitions under `$defs`). */
export const dynamicCepGraphSchema: JsonSchema = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "dynamic-cep-graph.schema.json",
  title: "Ververica / Alibaba Realtime Compute dynamic Flink CEP rule (GraphSpec JSON)",
  description:
    "Derived by the research task from the decompiled Ververica classes in Karekin/flink_cep (src/main/java/org/apache/flink/cep/dynamic/impl/json/**) plus the Alibaba Cloud / Ververica JSON-format docs. NOT an official schema. Fields marked 'ignored' are accepted but not used when building the Pattern. Extra properties are rejected where the runtime uses Jackson bean deserialization with default settings (inferred, untested).",
  $ref: "#/$defs/graph",
  $defs: {
    name: {
      type: "string",
      minLength: 1,
    },
    graph: {
      type: "object",
      description:
        "GraphSpec = NodeSpec of type COMPOSITE. Top-level rule and every nested group pattern use this shape.",
      properties: {
        name: {
          $ref: "#/$defs/name",
          description:
            "Top level: ignored (runtime writes the LAST node's name). Nested: key used by the parent's edges.",
        },
        type: {
          const: "COMPOSITE",
        },
        quantifier: {
          anyOf: [
            {
              $ref: "#/$defs/quantifier",
            },
            {
              type: "null",
            },
          ],
          description:
            "Ignored when building the Pattern (also for nested groups in the decompiled version).",
        },
        condition: {
          anyOf: [
            {
              $ref: "#/$defs/condition",
            },
            {
              type: "null",
            },
          ],
          description: "Ignored; runtime writes null.",
        },
        nodes: {
          type: "array",
          minItems: 1,
          items: {
            $ref: "#/$defs/node",
          },
        },
        edges: {
          type: "array",
          items: {
            $ref: "#/$defs/edge",
          },
        },
        window: {
          anyOf: [
            {
              $ref: "#/$defs/window",
            },
            {
              type: "null",
            },
          ],
        },
        afterMatchStrategy: {
          $ref: "#/$defs/afterMatchStrategy",
          description:
            "Required in practice: GraphSpec.toPattern dereferences it for every node (NPE if missing).",
        },
        version: {
          type: "integer",
          description: "Runtime always writes 1 (constant field); ignored on read.",
        },
      },
      required: ["type", "nodes", "edges", "afterMatchStrategy"],
      additionalProperties: false,
    },
    node: {
      if: {
        properties: {
          type: {
            const: "COMPOSITE",
          },
        },
        required: ["type"],
      },
      then: {
        $ref: "#/$defs/graph",
        required: ["name", "type", "nodes", "edges", "afterMatchStrategy"],
      },
      else: {
        $ref: "#/$defs/atomicNode",
      },
    },
    atomicNode: {
      type: "object",
      properties: {
        name: {
          $ref: "#/$defs/name",
        },
        type: {
          const: "ATOMIC",
        },
        quantifier: {
          $ref: "#/$defs/quantifier",
        },
        condition: {
          anyOf: [
            {
              $ref: "#/$defs/condition",
            },
            {
              type: "null",
            },
          ],
          description: "null/absent = no where() = matches every event.",
        },
      },
      required: ["name", "type", "quantifier"],
      description:
        "NodeSpecStdDeserializer reads only name/type/quantifier/condition; other keys are silently ignored (so designer metadata could live here, but keep exports clean).",
    },
    quantifier: {
      type: "object",
      properties: {
        consumingStrategy: {
          enum: ["STRICT", "SKIP_TILL_NEXT", "SKIP_TILL_ANY"],
          description:
            "INNER consuming strategy (between repetitions of a looping/times node). STRICT => consecutive(), SKIP_TILL_ANY => allowCombinations(), SKIP_TILL_NEXT => default. Must be SKIP_TILL_NEXT for SINGLE nodes (consecutive()/allowCombinations() throw on SINGLE). Java enum also has NOT_FOLLOW/NOT_NEXT but they make no sense here.",
        },
        properties: {
          type: "array",
          uniqueItems: true,
          items: {
            enum: ["SINGLE", "LOOPING", "TIMES", "OPTIONAL", "GREEDY"],
          },
          description:
            "EnumSet<QuantifierProperty>. Exactly one of SINGLE/LOOPING/TIMES expected, plus optional OPTIONAL and GREEDY.",
        },
        times: {
          anyOf: [
            {
              $ref: "#/$defs/times",
            },
            {
              type: "null",
            },
          ],
          description: "Required for LOOPING and TIMES (silently ignored => node stays SINGLE if null).",
        },
        untilCondition: {
          anyOf: [
            {
              $ref: "#/$defs/condition",
            },
            {
              type: "null",
            },
          ],
          description: "Only valid with LOOPING (Pattern.until throws otherwise).",
        },
      },
      required: ["consumingStrategy", "properties"],
      additionalProperties: false,
    },
    times: {
      type: "object",
      properties: {
        from: {
          type: "integer",
          minimum: 1,
        },
        to: {
          type: "integer",
          minimum: 1,
          description:
            "Used only for TIMES (times(from,to)); LOOPING uses timesOrMore(from[, windowTime]) and ignores 'to' (runtime writes to=from).",
        },
        windowTime: {
          anyOf: [
            {
              $ref: "#/$defs/time",
            },
            {
              type: "null",
            },
          ],
          description:
            "Max gap between consecutive repetitions. Applied only for LOOPING in the decompiled NodeSpec (timesOrMore(from, windowTime)); ignored for TIMES.",
        },
      },
      required: ["from", "to"],
      additionalProperties: false,
    },
    time: {
      type: "object",
      description:
        "org.apache.flink.streaming.api.windowing.time.Time as {unit,size}; TimeStdDeserializer = Time.of(size, TimeUnit.valueOf(unit)).",
      properties: {
        unit: {
          enum: ["NANOSECONDS", "MICROSECONDS", "MILLISECONDS", "SECONDS", "MINUTES", "HOURS", "DAYS"],
          description:
            "Docs list DAYS, HOURS, MINUTES, SECONDS, MILLISECONDS; code accepts any java.util.concurrent.TimeUnit name.",
        },
        size: {
          type: "integer",
          minimum: 0,
        },
      },
      required: ["unit", "size"],
      additionalProperties: false,
    },
    window: {
      type: "object",
      properties: {
        type: {
          enum: ["FIRST_AND_LAST", "PREVIOUS_AND_CURRENT"],
        },
        time: {
          $ref: "#/$defs/time",
        },
      },
      required: ["type", "time"],
      additionalProperties: false,
    },
    afterMatchStrategy: {
      type: "object",
      properties: {
        type: {
          enum: ["NO_SKIP", "SKIP_TO_NEXT", "SKIP_PAST_LAST_EVENT", "SKIP_TO_FIRST", "SKIP_TO_LAST"],
        },
        patternName: {
          type: ["string", "null"],
          description: "Required (non-null) for SKIP_TO_FIRST / SKIP_TO_LAST.",
        },
      },
      required: ["type"],
      additionalProperties: false,
      if: {
        properties: {
          type: {
            enum: ["SKIP_TO_FIRST", "SKIP_TO_LAST"],
          },
        },
      },
      then: {
        required: ["type", "patternName"],
        properties: {
          patternName: {
            type: "string",
          },
        },
      },
    },
    edge: {
      type: "object",
      properties: {
        source: {
          $ref: "#/$defs/name",
        },
        target: {
          $ref: "#/$defs/name",
        },
        type: {
          enum: ["STRICT", "SKIP_TILL_NEXT", "SKIP_TILL_ANY", "NOT_NEXT", "NOT_FOLLOW"],
          description:
            "Contiguity of the TARGET node: next / followedBy / followedByAny / notNext / notFollowedBy. NOT_* into a COMPOSITE node is unsupported.",
        },
      },
      required: ["source", "target", "type"],
      additionalProperties: false,
    },
    condition: {
      type: "object",
      required: ["type"],
      properties: {
        type: {
          enum: ["CLASS", "AVIATOR", "GROOVY"],
        },
      },
      oneOf: [
        {
          title: "AVIATOR",
          properties: {
            type: {
              const: "AVIATOR",
            },
            expression: {
              type: "string",
              minLength: 1,
            },
          },
          required: ["type", "expression"],
        },
        {
          title: "GROOVY (documented for newer VVR; not present in the decompiled source)",
          properties: {
            type: {
              const: "GROOVY",
            },
            expression: {
              type: "string",
              minLength: 1,
            },
          },
          required: ["type", "expression"],
        },
        {
          title: "CLASS with nestedConditions (RichAnd / RichOr = binary, RichNot = unary)",
          properties: {
            type: {
              const: "CLASS",
            },
            className: {
              enum: [
                "org.apache.flink.cep.pattern.conditions.RichAndCondition",
                "org.apache.flink.cep.pattern.conditions.RichOrCondition",
                "org.apache.flink.cep.pattern.conditions.RichNotCondition",
              ],
            },
            nestedConditions: {
              type: "array",
              minItems: 1,
              maxItems: 2,
              items: {
                $ref: "#/$defs/condition",
              },
            },
          },
          required: ["type", "className", "nestedConditions"],
        },
        {
          title: "CLASS subtype (SubtypeCondition)",
          properties: {
            type: {
              const: "CLASS",
            },
            className: {
              type: "string",
            },
            subClassName: {
              type: "string",
            },
          },
          required: ["type", "className", "subClassName"],
          not: {
            required: ["nestedConditions"],
          },
        },
        {
          title: "CLASS with custom args (CustomArgsCondition subclass; newer VVR)",
          properties: {
            type: {
              const: "CLASS",
            },
            className: {
              type: "string",
            },
            args: {
              type: "array",
              items: {
                type: "string",
              },
            },
          },
          required: ["type", "className", "args"],
          not: {
            anyOf: [
              {
                required: ["nestedConditions"],
              },
              {
                required: ["subClassName"],
              },
            ],
          },
        },
        {
          title: "CLASS plain (public no-arg IterativeCondition subclass)",
          properties: {
            type: {
              const: "CLASS",
            },
            className: {
              type: "string",
            },
          },
          required: ["type", "className"],
          not: {
            anyOf: [
              {
                required: ["nestedConditions"],
              },
              {
                required: ["subClassName"],
              },
              {
                required: ["args"],
              },
            ],
          },
        },
      ],
    },
  },
};
