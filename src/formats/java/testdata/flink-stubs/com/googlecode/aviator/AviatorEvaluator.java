// Stub of Aviator com.googlecode.aviator.AviatorEvaluator (compile-only).
package com.googlecode.aviator;

public final class AviatorEvaluator {
    private AviatorEvaluator() {}

    public static Expression compile(String expression, boolean cached) {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
