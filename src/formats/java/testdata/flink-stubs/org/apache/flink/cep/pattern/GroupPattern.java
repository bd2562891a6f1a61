// Stub of flink-cep org.apache.flink.cep.pattern.GroupPattern (compile-only). Flink's overrides of
// where/or/subtype/until throw UnsupportedOperationException at run time; the signatures are kept.
package org.apache.flink.cep.pattern;

import org.apache.flink.cep.nfa.aftermatch.AfterMatchSkipStrategy;
import org.apache.flink.cep.pattern.conditions.IterativeCondition;

public class GroupPattern<T, F extends T> extends Pattern<T, F> {

    GroupPattern(
            final Pattern<T, ? extends T> previous,
            final Pattern<T, ? extends T> groupPattern,
            final AfterMatchSkipStrategy afterMatchSkipStrategy) {
        super("GroupPattern", previous, afterMatchSkipStrategy);
    }

    @Override
    public Pattern<T, F> where(IterativeCondition<F> condition) {
        throw new UnsupportedOperationException("GroupPattern does not support where clause.");
    }

    @Override
    public Pattern<T, F> or(IterativeCondition<F> condition) {
        throw new UnsupportedOperationException("GroupPattern does not support or clause.");
    }

    @Override
    public <S extends F> Pattern<T, S> subtype(final Class<S> subtypeClass) {
        throw new UnsupportedOperationException("GroupPattern does not support subtype clause.");
    }

    @Override
    public Pattern<T, F> until(IterativeCondition<F> untilCondition) {
        throw new UnsupportedOperationException("GroupPattern does not support until clause.");
    }
}
