/**
 * The JSON schema of the source view's text: one rule row `{id, version, pattern, function}`
 * (as Ververica's demo reads it from its rule table) around the GraphSpec schema.
 */
import { dynamicCepGraphSchema } from "./dynamicCepGraphSchema.ts";
import type { JsonSchema } from "./monacoSetup.ts";

/** The rule envelope; `pattern` uses the GraphSpec schema's own definitions. */
export const ruleSourceSchema: JsonSchema = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  title: "Flink dynamic-CEP rule",
  type: "object",
  properties: {
    id: {
      anyOf: [{ type: "string", minLength: 1 }, { type: "integer" }],
      description: "The rule id. Rules with the same id are versions of one rule.",
    },
    version: {
      type: "integer",
      minimum: 0,
      description: "A higher version replaces the running one (its partial matches are dropped).",
    },
    pattern: {
      anyOf: [
        { $ref: "#/$defs/graph" },
        {
          type: "string",
          description: "The GraphSpec as a JSON string, as the rule table's VARCHAR column holds it.",
        },
      ],
    },
    function: {
      type: ["string", "null"],
      description: "The PatternProcessFunction class name.",
    },
  },
  required: ["id", "version", "pattern"],
  $defs: dynamicCepGraphSchema.$defs,
};
