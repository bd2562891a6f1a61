/**
 * The JSON schema of the Broadcast panel's text: the broadcast stream as a JSON array of records,
 * each the shape of a `cep-studio run --broadcast` line — `at` and exactly one action:
 * `{"at":T,"rule":{id,version,pattern,function}}`, `{"at":T,"remove":"ID"}`,
 * `{"at":T,"config":{…}}`, or a keyed config `{"at":T,"config":{…},"keyBy":"channel","value":"APP"}`.
 * Monaco validates the editor with it (as warnings); the worker decides what runs.
 */
import { dynamicCepGraphSchema } from "../../editors/dynamicCepGraphSchema.ts";
import type { JsonSchema } from "../../editors/monacoSetup.ts";
import { ruleSourceSchema } from "../../editors/ruleSourceSchema.ts";

const graphDefs = dynamicCepGraphSchema.$defs as Readonly<Record<string, unknown>>;

export const broadcastSchema: JsonSchema = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  title: "CEP Studio broadcast stream",
  description:
    "Records of the rule/config broadcast stream, in order of `at`. Each takes effect before the first event whose time (event time, or processing time) is at or after `at`; every parallel subtask receives it.",
  type: "array",
  items: { $ref: "#/$defs/broadcastRecord" },
  $defs: {
    ...graphDefs,
    broadcastRecord: {
      type: "object",
      properties: {
        at: {
          description:
            "When the record takes effect: epoch milliseconds or a date-time like the data's time field (`2020-01-01 00:01:05`) in event time; the clock (or the 0-based event position) in processing time.",
          anyOf: [
            { type: "integer", minimum: 0 },
            { type: "string", minLength: 1 },
          ],
        },
        rule: {
          $ref: "#/$defs/broadcastRule",
          description:
            "Adds the rule, or replaces the running one of the same id when its version is higher (the new version starts with empty state).",
        },
        remove: {
          description: "Drops the rule with this id (its partial matches are discarded).",
          anyOf: [{ type: "string", minLength: 1 }, { type: "integer" }],
        },
        config: {
          type: "object",
          description:
            "Replaces the configuration conditions read as `config.key` (the global one, or with keyBy/value the one for those events).",
        },
        keyBy: {
          type: "string",
          minLength: 1,
          description: "With config: the event field this config is for.",
        },
        value: {
          type: ["string", "number", "boolean"],
          description: "With config and keyBy: the field's value whose events read this config.",
        },
      },
      required: ["at"],
      additionalProperties: false,
      oneOf: [{ required: ["rule"] }, { required: ["remove"] }, { required: ["config"] }],
      dependentRequired: { keyBy: ["value", "config"], value: ["keyBy"] },
    },
    broadcastRule: {
      type: "object",
      properties: ruleSourceSchema.properties,
      required: ruleSourceSchema.required,
    },
  },
};
