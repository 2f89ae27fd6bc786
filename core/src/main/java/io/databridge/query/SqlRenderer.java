package io.databridge.query;

import io.databridge.internal.jdbc.RelationLink;
import io.databridge.internal.model.EntityModels;
import io.databridge.internal.model.JavaTypes;
import io.databridge.internal.model.PropertyModel;
import io.databridge.types.TypeCodec;
import io.databridge.types.ValueType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Collects SQL text and binds while a query renders itself. Not thread-safe; one per rendering.
 */
final class SqlRenderer {

    final StringBuilder sql = new StringBuilder(128);
    final List<Bind> binds = new ArrayList<>();
    final EntityModels models;

    /** How to-many relations link, for {@code EXISTS} over them ({@link RelationExists}). */
    final RelationLink.Resolver links;

    Scope scope;

    /** The CTEs this text reads, by name, in the order first read; rendered into {@code WITH} by {@link #finish}. */
    final Map<String, Cte<?>> ctes = new LinkedHashMap<>();

    /** The recursive CTE whose body this renderer renders, which may read itself; {@code null} for none. */
    @Nullable
    String definingRecursive;

    private boolean finished;

    /**
     * Whether this rendering only collects the bound values, for a query whose shape was rendered before: text is not
     * kept and no row reader is built.
     */
    boolean valuesOnly;

    SqlRenderer(EntityModels models, RelationLink.Resolver links, Scope scope) {
        this.models = models;
        this.links = links;
        this.scope = scope;
    }

    SqlRenderer append(String text) {
        if (!valuesOnly) {
            sql.append(text);
        }
        return this;
    }

    SqlRenderer append(char c) {
        if (!valuesOnly) {
            sql.append(c);
        }
        return this;
    }

    /** Records that the text reads a CTE, so that the statement's {@code WITH} clause defines it. */
    void useCte(Cte<?> cte) {
        if (cte.selfReference()) {
            if (!cte.name().equals(definingRecursive)) {
                throw Cte.selfReferenceOutside(cte);
            }
            return;
        }
        Cte<?> known = ctes.putIfAbsent(cte.name(), cte);
        if (known != null && known != cte) {
            throw WithClause.nameClash(cte.name());
        }
    }

    /**
     * Ends a top-level statement: prepends the {@code WITH} clause for the CTEs it reads, with their binds first. Called
     * once, by whoever turns the renderer into a statement.
     */
    SqlRenderer finish() {
        if (!finished) {
            finished = true;
            if (!ctes.isEmpty()) {
                WithClause.prepend(this);
            }
        }
        return this;
    }

    SqlRenderer bind(@Nullable Object value, Bind.Binder binder) {
        append('?');
        binds.add(new Bind(value, binder));
        return this;
    }

    /** Binds a value through the codec of the column it is compared with, or of its own class. */
    SqlRenderer bindValue(Object value, @Nullable Expression<?> typedBy) {
        PropertyModel property = typedBy instanceof Column<?, ?> column
                ? scope.property(column)
                : typedBy instanceof DerivedColumn<?> derived ? derived.property() : null;
        if (property != null && JavaTypes.box(property.valueType().rawType()).isInstance(value)) {
            TypeCodec<Object> codec = property.codec();
            return bind(value, (statement, index, v) -> Values.bindChecked(codec, property, statement, index, v));
        }
        return bind(value, binderFor(value.getClass()));
    }

    Bind.Binder binderFor(Class<?> type) {
        if (type == String.class) {
            return Bind.STRING;
        }
        Optional<TypeCodec<?>> codec = models.codecs().find(ValueType.of(type));
        if (codec.isPresent()) {
            @SuppressWarnings("unchecked")
            TypeCodec<Object> found = (TypeCodec<Object>) codec.get();
            return found::bind;
        }
        return Bind.OBJECT;
    }

    /** A select list: every item, aliased ones followed by {@code AS "alias"}. */
    void selectList(List<? extends Expression<?>> expressions) {
        for (int i = 0; i < expressions.size(); i++) {
            if (i > 0) {
                sql.append(", ");
            }
            Expression<?> item = expressions.get(i);
            item.render(this);
            if (item instanceof ExpressionNodes.Aliased<?> aliased) {
                sql.append(" AS ").append(aliased.quotedAlias);
            }
        }
    }

    void list(List<? extends Expression<?>> expressions) {
        for (int i = 0; i < expressions.size(); i++) {
            if (i > 0) {
                append(", ");
            }
            expressions.get(i).render(this);
        }
    }

    /** Renders a nested query in its own scope under the current one. */
    void subquery(DefaultSelectQuery<?> query) {
        Scope outer = scope;
        query.renderSelect(this, outer);
        scope = outer;
    }

    SqlStatement statement() {
        finish();
        List<@Nullable Object> values = new ArrayList<>(binds.size());
        for (Bind bind : binds) {
            values.add(bind.value());
        }
        return new SqlStatement(sql.toString(), values);
    }
}
