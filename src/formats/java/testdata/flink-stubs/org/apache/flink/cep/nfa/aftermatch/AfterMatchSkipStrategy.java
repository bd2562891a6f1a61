// Stub of flink-cep org.apache.flink.cep.nfa.aftermatch.AfterMatchSkipStrategy (compile-only). Flink's
// factories return the concrete subclasses (NoSkipStrategy, SkipToNextStrategy, SkipPastLastStrategy,
// SkipToFirstStrategy, SkipToLastStrategy); exported code only passes them to Pattern.begin.
package org.apache.flink.cep.nfa.aftermatch;

import java.io.Serializable;

public abstract class AfterMatchSkipStrategy implements Serializable {

    private static final class Named extends AfterMatchSkipStrategy {}

    public static AfterMatchSkipStrategy skipToFirst(String patternName) {
        return new Named();
    }

    public static AfterMatchSkipStrategy skipToLast(String patternName) {
        return new Named();
    }

    public static AfterMatchSkipStrategy skipPastLastEvent() {
        return new Named();
    }

    public static AfterMatchSkipStrategy skipToNext() {
        return new Named();
    }

    public static AfterMatchSkipStrategy noSkip() {
        return new Named();
    }
}
