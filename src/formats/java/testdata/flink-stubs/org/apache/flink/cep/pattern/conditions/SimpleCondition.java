// Stub of flink-cep org.apache.flink.cep.pattern.conditions.SimpleCondition (compile-only).
package org.apache.flink.cep.pattern.conditions;

import org.apache.flink.api.common.functions.FilterFunction;

public abstract class SimpleCondition<T> extends IterativeCondition<T> implements FilterFunction<T> {

    public static <T> SimpleCondition<T> of(FilterFunction<T> filters) {
        return new SimpleCondition<T>() {
            @Override
            public boolean filter(T value) throws Exception {
                return filters.filter(value);
            }
        };
    }

    @Override
    public final boolean filter(T value, Context<T> ctx) throws Exception {
        return filter(value);
    }
}
