package io.databridge.query;

import io.databridge.internal.model.EntityModels;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The shape of a query: everything its SQL text and row reader depend on (tables, columns, operators, the classes of
 * bound values, which clauses are present) and none of the bound values. Two queries with equal shapes render the same
 * text and read rows alike, so the second reuses the first's rendering ({@link RenderCache}). Every node states its
 * shape ({@link Expression#shape}): text a node writes inline (a literal, a frame offset, a keyword) is part of it.
 * Built by one thread, then immutable.
 */
final class ShapeKey {

    private static final Object NULL = new Object();

    private final List<Object> parts = new ArrayList<>(32);
    private final EntityModels models;
    private int hash;

    ShapeKey(EntityModels models) {
        this.models = models;
    }

    /** The engine's models, for the codecs that decide how values render. Not part of the key. */
    EntityModels models() {
        return models;
    }

    /** Adds one part: a class, a string, a number, a flag, a column or an entity model. */
    ShapeKey add(@Nullable Object part) {
        parts.add(part == null ? NULL : part);
        return this;
    }

    /** Adds the shapes of expressions, with their count. */
    ShapeKey expressions(List<? extends Expression<?>> expressions) {
        parts.add(expressions.size());
        for (Expression<?> expression : expressions) {
            expression.shape(this);
        }
        return this;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof ShapeKey key && key.hashCode() == hashCode() && key.parts.equals(parts);
    }

    @Override
    public int hashCode() {
        int result = hash;
        if (result == 0) {
            result = parts.hashCode();
            hash = result;
        }
        return result;
    }

    @Override
    public String toString() {
        return "ShapeKey" + parts;
    }
}
