// Stub of flink-cep org.apache.flink.cep.pattern.conditions.RichNotCondition (compile-only).
package org.apache.flink.cep.pattern.conditions;

public class RichNotCondition<T> extends RichCompositeIterativeCondition<T> {

    public RichNotCondition(final IterativeCondition<T> original) {
        super(original);
    }

    @Override
    public boolean filter(T value, Context<T> ctx) throws Exception {
        return !getNestedConditions()[0].filter(value, ctx);
    }
}
