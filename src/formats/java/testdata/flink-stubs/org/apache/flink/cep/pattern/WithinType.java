// Stub of flink-cep org.apache.flink.cep.pattern.WithinType (Flink 1.16+), compile-only.
package org.apache.flink.cep.pattern;

public enum WithinType {
    FIRST_AND_LAST,
    PREVIOUS_AND_CURRENT
}
