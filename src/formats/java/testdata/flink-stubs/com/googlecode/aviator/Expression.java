// Stub of Aviator com.googlecode.aviator.Expression (compile-only).
package com.googlecode.aviator;

import java.util.List;
import java.util.Map;

public interface Expression {
    Object execute(Map<String, Object> env);

    List<String> getVariableNames();
}
