// Stub of Ververica dynamic CEP org.apache.flink.cep.dynamic.condition.AviatorCondition (compile-only).
package org.apache.flink.cep.dynamic.condition;

import org.apache.flink.cep.pattern.conditions.SimpleCondition;

public class AviatorCondition<T> extends SimpleCondition<T> {

    private final String expression;

    public AviatorCondition(String expression) {
        this(expression, null);
    }

    public AviatorCondition(String expression, String filterField) {
        this.expression = filterField == null ? expression : filterField + expression;
    }

    public String getExpression() {
        return expression;
    }

    @Override
    public boolean filter(T eventBean) throws Exception {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
