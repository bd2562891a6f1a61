// Stub of flink-cep org.apache.flink.cep.pattern.conditions.RichCompositeIterativeCondition (compile-only).
package org.apache.flink.cep.pattern.conditions;

public abstract class RichCompositeIterativeCondition<T> extends RichIterativeCondition<T> {

    private final IterativeCondition<T>[] nestedConditions;

    @SafeVarargs
    public RichCompositeIterativeCondition(final IterativeCondition<T>... nestedConditions) {
        this.nestedConditions = nestedConditions;
    }

    public IterativeCondition<T>[] getNestedConditions() {
        return nestedConditions;
    }
}
