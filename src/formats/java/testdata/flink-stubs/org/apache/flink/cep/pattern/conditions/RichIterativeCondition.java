// Stub of flink-cep org.apache.flink.cep.pattern.conditions.RichIterativeCondition (compile-only;
// Flink's also implements RichFunction, which no exported code calls).
package org.apache.flink.cep.pattern.conditions;

public abstract class RichIterativeCondition<T> extends IterativeCondition<T> {}
