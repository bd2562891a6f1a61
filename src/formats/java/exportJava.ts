/**
 * Exports a rule as Java source using Flink's Pattern API (`org.apache.flink.cep.pattern.Pattern`):
 * a class with `static Pattern<Event, ?> pattern()`, the imports it needs and, for vanilla Flink,
 * a small `AviatorCondition` of our own so the file compiles without Ververica's jar.
 */
import type { GraphNode, Rule } from "../../model/pattern.ts";
import { ExportNotes, type ExportNote } from "../exportNote.ts";
import { javaChain, renderChain, retypeMethod, type ChainContext } from "./javaChain.ts";
import { graphOf } from "../../model/stageChain.ts";
import { validatePattern } from "../../model/validate.ts";
import { isJavaIdentifier, javaClassReference, javaString, type JavaTarget } from "./javaSyntax.ts";

/** Options for {@link exportJava}. */
export interface JavaExportOptions {
  /** The event class (simple or qualified name). Default `Event`. */
  readonly eventType?: string;
  /** `flink-1.19` (default): `Duration` overloads. `vvr-1.15`: `Time` overloads and Ververica's AviatorCondition. */
  readonly target?: JavaTarget;
  /** Name of the generated class. Default `CepPattern`. */
  readonly className?: string;
  /** Package of the generated class; none by default. */
  readonly packageName?: string;
}

/** Java source plus what the user must know about it. */
export interface JavaExport {
  readonly code: string;
  readonly notes: readonly ExportNote[];
}

/** Writes `rule` (or a bare pattern graph) as a Java class holding its Flink `Pattern`. */
export function exportJava(rule: Rule | GraphNode, options: JavaExportOptions = {}): JavaExport {
  const notes = new ExportNotes();
  const graph = graphOf(rule);
  const target = options.target ?? "flink-1.19";
  const className = checkedName(options.className ?? "CepPattern", "class name", "CepPattern", notes);
  const eventType = checkedType(options.eventType ?? "Event", notes);
  const ctx: ChainContext = {
    target,
    eventType,
    notes,
    imports: new Set(),
    needsOwnAviatorCondition: false,
    needsRetype: false,
  };
  ctx.imports.add("org.apache.flink.cep.pattern.Pattern");

  // What Flink's Pattern API or NFACompiler would throw on (MalformedPatternException and the
  // like): the code would compile and then fail when the job builds its NFA.
  for (const problem of validatePattern(graph)) {
    if (problem.severity !== "error") continue;
    const prefix = problem.stage === null ? "" : `stage '${problem.stage}': `;
    notes.error(problem.stage, `Flink rejects this pattern: ${problem.message.slice(prefix.length)}`);
  }
  const chain = javaChain(graph, ctx, graph.afterMatchStrategy);
  const body = renderChain(chain, 8);

  const lines: string[] = [];
  if (options.packageName !== undefined) {
    const reference = javaClassReference(options.packageName);
    if (reference === null) notes.error(null, `'${options.packageName}' is not a Java package name; omitted`);
    else lines.push(`package ${reference};`, "");
  }
  if (ctx.needsOwnAviatorCondition) {
    for (const name of OWN_AVIATOR_IMPORTS) ctx.imports.add(name);
    notes.info(
      null,
      "Aviator conditions use the AviatorCondition class nested in the output (needs com.googlecode.aviator:aviator); " +
        "on VVR export with target vvr-1.15 to use Ververica's class",
    );
  }
  lines.push(...importBlock(ctx.imports), "");
  if ("pattern" in rule)
    lines.push(`// Rule ${javaString(rule.id)}, version ${rule.version}, exported by CEP Studio.`);
  lines.push(
    `public final class ${className} {`,
    "",
    `    private ${className}() {}`,
    "",
    `    /** The rule's pattern; use it as CEP.pattern(keyedStream, ${className}.pattern()). */`,
    `    public static Pattern<${eventType}, ?> pattern() {`,
    `        return ${body.join("\n")};`,
    "    }",
  );
  if (ctx.needsRetype) lines.push("", ...retypeMethod(eventType));
  if (ctx.needsOwnAviatorCondition) lines.push("", ...OWN_AVIATOR_CONDITION);
  lines.push("}", "");
  return { code: lines.join("\n"), notes: notes.list };
}

function checkedName(name: string, what: string, fallback: string, notes: ExportNotes): string {
  if (isJavaIdentifier(name)) return name;
  notes.error(null, `'${name}' is not a valid Java ${what}; using ${fallback}`);
  return fallback;
}

function checkedType(name: string, notes: ExportNotes): string {
  const reference = javaClassReference(name);
  if (reference !== null) return reference;
  notes.error(null, `'${name}' is not a valid Java type name; using Event`);
  return "Event";
}

/** Flink's import layout: org.apache.flink first, then other libraries, then javax/java, blank lines between. */
function importBlock(imports: ReadonlySet<string>): string[] {
  const groups: string[][] = [[], [], []];
  for (const name of [...imports].sort()) {
    const group = name.startsWith("org.apache.flink.") ? 0 : /^javax?\./.test(name) ? 2 : 1;
    groups[group]?.push(`import ${name};`);
  }
  return groups.filter((group) => group.length > 0).flatMap((group, i) => (i === 0 ? group : ["", ...group]));
}

const OWN_AVIATOR_IMPORTS = [
  "org.apache.flink.cep.pattern.conditions.SimpleCondition",
  "com.googlecode.aviator.AviatorEvaluator",
  "com.googlecode.aviator.Expression",
  "java.lang.reflect.Field",
  "java.util.HashMap",
  "java.util.List",
  "java.util.Map",
];

/**
 * Evaluates an expression the way dynamic CEP's AviatorCondition binds events (format notes §6.1):
 * each variable is a declared field of the event, null fields stay unbound (nil), and an
 * expression without variables accepts every event.
 */
const OWN_AVIATOR_CONDITION = [
  "    /**",
  "     * Evaluates an Aviator expression on the event's declared fields, binding them as dynamic CEP",
  "     * does: a null field stays unbound (nil) and an expression without variables accepts every event.",
  "     */",
  "    public static final class AviatorCondition<T> extends SimpleCondition<T> {",
  "        private static final long serialVersionUID = 1L;",
  "",
  "        private final String expression;",
  "        private transient Expression compiled;",
  "",
  "        public AviatorCondition(String expression) {",
  "            this.expression = expression;",
  "        }",
  "",
  "        @Override",
  "        public boolean filter(T event) throws Exception {",
  "            if (compiled == null) {",
  "                compiled = AviatorEvaluator.compile(expression, true);",
  "            }",
  "            List<String> variables = compiled.getVariableNames();",
  "            if (variables.isEmpty()) {",
  "                return true;",
  "            }",
  "            Map<String, Object> env = new HashMap<>();",
  "            for (String variable : variables) {",
  "                Field field = event.getClass().getDeclaredField(variable);",
  "                field.setAccessible(true);",
  "                Object value = field.get(event);",
  "                if (value != null) {",
  "                    env.put(variable, value);",
  "                }",
  "            }",
  "            return (Boolean) compiled.execute(env);",
  "        }",
  "    }",
];
