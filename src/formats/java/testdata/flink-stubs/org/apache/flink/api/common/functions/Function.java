// Stub of flink-core org.apache.flink.api.common.functions.Function (compile-only).
package org.apache.flink.api.common.functions;

public interface Function extends java.io.Serializable {}
