// Stub of flink-core org.apache.flink.api.common.functions.FilterFunction (compile-only).
package org.apache.flink.api.common.functions;

@FunctionalInterface
public interface FilterFunction<T> extends Function {
    boolean filter(T value) throws Exception;
}
