// Stub of flink-cep org.apache.flink.cep.pattern.conditions.IterativeCondition (compile-only).
package org.apache.flink.cep.pattern.conditions;

import org.apache.flink.api.common.functions.Function;

import java.io.Serializable;

public abstract class IterativeCondition<T> implements Function, Serializable {

    public abstract boolean filter(T value, Context<T> ctx) throws Exception;

    /** In Flink it extends org.apache.flink.cep.time.TimeContext (timestamp(), currentProcessingTime()). */
    public interface Context<T> {
        Iterable<T> getEventsForPattern(String name) throws Exception;

        long timestamp();

        long currentProcessingTime();
    }
}
