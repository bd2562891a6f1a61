// Stub of flink-cep org.apache.flink.cep.pattern.conditions.SubtypeCondition (compile-only).
package org.apache.flink.cep.pattern.conditions;

public class SubtypeCondition<T> extends SimpleCondition<T> {

    private final Class<? extends T> subtype;

    public SubtypeCondition(final Class<? extends T> subtype) {
        this.subtype = subtype;
    }

    @Override
    public boolean filter(T value) throws Exception {
        return subtype.isAssignableFrom(value.getClass());
    }
}
