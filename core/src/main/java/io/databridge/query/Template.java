package io.databridge.query;

import java.util.List;
import java.util.Objects;

/**
 * An expression written as fixed SQL text around other expressions, e.g. {@code CASE WHEN c THEN a ELSE b END}, {@code
 * extract(YEAR FROM e)} or {@code percentile_cont(0.5) WITHIN GROUP (ORDER BY e)}. Its text parts come from the engine
 * (keywords, validated type names, inlined safe constants), never from input; its expression parts render as usual,
 * so their values stay binds. Immutable.
 */
final class Template<V> extends Expression<V> {

    private final List<Object> parts;
    private final Class<?> type;
    private final boolean compound;

    /**
     * @param type the Java type values read as
     * @param compound whether the expression needs parentheses as an operand
     * @param parts {@code String} text, {@link Expression}s and {@link SortOrder}s, rendered in order
     */
    Template(Class<?> type, boolean compound, Object... parts) {
        for (Object part : parts) {
            if (!(part instanceof String || part instanceof Expression<?> || part instanceof SortOrder)) {
                throw new IllegalArgumentException("expressions and sort orders must not be null");
            }
        }
        this.parts = List.of(parts);
        this.type = Objects.requireNonNull(type, "type");
        this.compound = compound;
    }

    @Override
    void render(SqlRenderer renderer) {
        for (Object part : parts) {
            if (part instanceof String text) {
                renderer.append(text);
            } else if (part instanceof SortOrder order) {
                order.render(renderer);
            } else if (compound) {
                ((Expression<?>) part).renderOperand(renderer);
            } else {
                ((Expression<?>) part).render(renderer);
            }
        }
    }

    @Override
    void shape(ShapeKey key) {
        // The text parts are keywords, validated names and inlined constants: all part of the shape.
        key.add(Template.class).add(type).add(compound).add(parts.size());
        for (Object part : parts) {
            if (part instanceof String text) {
                key.add(text);
            } else if (part instanceof SortOrder order) {
                key.add(SortOrder.class);
                order.shape(key);
            } else {
                ((Expression<?>) part).shape(key);
            }
        }
    }

    @Override
    boolean compound() {
        return compound;
    }

    @Override
    Class<?> javaType() {
        return type;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        parts.forEach(text::append);
        return text.toString();
    }
}
