/**
 * The one platform API the core uses beyond ES2023. Every place the core runs has it (Web
 * Workers, browsers, Node ≥ 17); it is declared here because the core's lib is plain ES2023,
 * which keeps DOM and Node globals compile errors (see tsconfig.core.json).
 */
declare function structuredClone<T>(value: T): T;
