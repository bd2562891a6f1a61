// Stub of flink-cep org.apache.flink.cep.pattern.conditions.RichOrCondition (compile-only).
package org.apache.flink.cep.pattern.conditions;

public class RichOrCondition<T> extends RichCompositeIterativeCondition<T> {

    public RichOrCondition(final IterativeCondition<T> left, final IterativeCondition<T> right) {
        super(left, right);
    }

    @Override
    public boolean filter(T value, Context<T> ctx) throws Exception {
        return getNestedConditions()[0].filter(value, ctx) || getNestedConditions()[1].filter(value, ctx);
    }
}
