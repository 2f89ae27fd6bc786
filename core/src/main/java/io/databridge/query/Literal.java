package io.databridge.query;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A constant written into the SQL text instead of bound: a number, a boolean, or a string checked to be safe as a
 * standard-conforming literal. Needed where PostgreSQL must see the same expression twice (a bound value is a new
 * parameter each time it appears). Only for constants the developer writes, never for input. Immutable.
 */
final class Literal<V> extends Expression<V> {

    private final String text;
    private final Class<?> type;

    private Literal(String text, Class<?> type) {
        this.text = text;
        this.type = type;
    }

    static <V> Literal<V> of(V value) {
        if (value == null) {
            throw new IllegalArgumentException("literal(null): write isNull() or a typed CAST instead");
        }
        if (value instanceof Integer
                || value instanceof Long
                || value instanceof Short
                || value instanceof BigInteger) {
            return new Literal<>(value.toString(), value.getClass());
        }
        if (value instanceof BigDecimal decimal) {
            return new Literal<>(decimal.toPlainString(), BigDecimal.class);
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            if (Double.isNaN(number) || Double.isInfinite(number)) {
                throw new IllegalArgumentException("literal(" + value + "): only finite numbers can be inlined");
            }
            return new Literal<>(BigDecimal.valueOf(number).toPlainString(), Double.class);
        }
        if (value instanceof Boolean bool) {
            return new Literal<>(bool ? "TRUE" : "FALSE", Boolean.class);
        }
        if (value instanceof String string) {
            return new Literal<>(quote(string), String.class);
        }
        throw new IllegalArgumentException("literal(" + value.getClass().getName() + "): only numbers, booleans and"
                + " strings can be written into SQL; bind other values with Expressions.value(...)");
    }

    /** {@code 'text'} with quotes doubled; backslashes and NUL are refused, so the text is safe in any string mode. */
    static String quote(String string) {
        for (int i = 0; i < string.length(); i++) {
            char c = string.charAt(i);
            if (c == '\\' || c == 0) {
                throw new IllegalArgumentException("A string literal must not contain a backslash or NUL character"
                        + " (position " + i + "); bind it with Expressions.value(...) instead");
            }
        }
        return "'" + string.replace("'", "''") + "'";
    }

    /** {@code CAST('text' AS interval)} for a constant interval such as {@code 1 day}. */
    static String interval(String text) {
        if (text == null || text.isBlank() || !text.matches("[A-Za-z0-9 .:+-]+")) {
            throw new IllegalArgumentException("interval(\"" + text + "\"): write a constant such as '1 day' or"
                    + " '2 hours 30 minutes' (letters, digits, spaces and .:-+ only)");
        }
        return "CAST('" + text + "' AS interval)";
    }

    @Override
    void render(SqlRenderer renderer) {
        renderer.append(text);
    }

    @Override
    Class<?> javaType() {
        return type;
    }

    @Override
    void shape(ShapeKey key) {
        // Written into the text, so the constant itself is part of the shape.
        key.add(Literal.class).add(text).add(type);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Literal<?> literal && literal.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
