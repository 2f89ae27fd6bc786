package io.databridge.query;

import io.databridge.internal.model.PropertyModel;
import java.util.ArrayList;
import java.util.List;

/** The condition nodes. Each renders itself; all are immutable. */
final class Conditions {

    private Conditions() {}

    /** {@code left op right}. */
    static final class Comparison extends Condition {
        private final Expression<?> left;
        private final String operator;
        private final Expression<?> right;

        Comparison(Expression<?> left, String operator, Expression<?> right) {
            this.left = left;
            this.operator = operator;
            this.right = Condition.requireExpression(right);
        }

        @Override
        void render(SqlRenderer renderer) {
            left.renderOperand(renderer);
            renderer.append(operator);
            right.renderOperand(renderer);
        }

        @Override
        void shape(ShapeKey key) {
            key.add(Comparison.class).add(operator);
            left.shape(key);
            right.shape(key);
        }

        @Override
        public String toString() {
            return left + operator + right;
        }
    }

    /** {@code a AND b AND c} / {@code a OR b}; nested junctions of the other kind are parenthesized. */
    static final class Junction extends Condition {
        private final String operator;
        private final List<Condition> parts;

        private Junction(String operator, List<Condition> parts) {
            this.operator = operator;
            this.parts = parts;
        }

        static Junction of(String operator, Condition left, Condition right) {
            List<Condition> parts = new ArrayList<>();
            add(parts, operator, left);
            add(parts, operator, right);
            return new Junction(operator, List.copyOf(parts));
        }

        private static void add(List<Condition> parts, String operator, Condition condition) {
            if (condition instanceof Junction junction && junction.operator.equals(operator)) {
                parts.addAll(junction.parts);
            } else {
                parts.add(condition);
            }
        }

        @Override
        void render(SqlRenderer renderer) {
            for (int i = 0; i < parts.size(); i++) {
                if (i > 0) {
                    renderer.append(operator);
                }
                Condition part = parts.get(i);
                if (part instanceof Junction) {
                    renderer.append('(');
                    part.render(renderer);
                    renderer.append(')');
                } else {
                    part.render(renderer);
                }
            }
        }

        @Override
        void shape(ShapeKey key) {
            key.add(Junction.class).add(operator).expressions(parts);
        }

        @Override
        public String toString() {
            return parts.toString();
        }
    }

    /** {@code NOT (condition)}. */
    static final class Not extends Condition {
        private final Condition condition;

        Not(Condition condition) {
            this.condition = condition;
        }

        @Override
        void render(SqlRenderer renderer) {
            renderer.append("NOT (");
            condition.render(renderer);
            renderer.append(')');
        }

        @Override
        void shape(ShapeKey key) {
            key.add(Not.class);
            condition.shape(key);
        }
    }

    /** {@code expression IS NULL} and friends. */
    static final class Postfix extends Condition {
        private final Expression<?> expression;
        private final String suffix;

        Postfix(Expression<?> expression, String suffix) {
            this.expression = expression;
            this.suffix = suffix;
        }

        @Override
        void render(SqlRenderer renderer) {
            expression.renderOperand(renderer);
            renderer.append(suffix);
        }

        @Override
        void shape(ShapeKey key) {
            key.add(Postfix.class).add(suffix);
            expression.shape(key);
        }

        @Override
        public String toString() {
            return expression + suffix;
        }
    }

    /** {@code expression = ANY(?)} / {@code expression <> ALL(?)} with one array bound. */
    static final class InValues extends Condition {
        private final Expression<?> expression;
        private final List<Object> values;
        private final boolean negated;

        InValues(Expression<?> expression, List<Object> values, boolean negated) {
            this.expression = expression;
            this.values = values;
            this.negated = negated;
        }

        @Override
        void render(SqlRenderer renderer) {
            expression.renderOperand(renderer);
            renderer.append(negated ? " <> ALL(" : " = ANY(");
            PropertyModel property = expression instanceof Column<?, ?> column
                    ? renderer.scope.property(column)
                    : expression instanceof DerivedColumn<?> derived ? derived.property() : null;
            Values.bindArray(renderer, values, property);
            renderer.append(')');
        }

        @Override
        void shape(ShapeKey key) {
            key.add(InValues.class).add(negated);
            expression.shape(key);
            Values.shape(key, values);
        }
    }

    /** {@code expression [NOT] IN (subquery)}. */
    static final class InSubquery extends Condition {
        private final Expression<?> expression;
        private final DefaultSelectQuery<?> subquery;
        private final boolean negated;

        InSubquery(Expression<?> expression, DefaultSelectQuery<?> subquery, boolean negated) {
            this.expression = expression;
            this.subquery = subquery;
            this.negated = negated;
        }

        @Override
        void render(SqlRenderer renderer) {
            expression.renderOperand(renderer);
            renderer.append(negated ? " NOT IN (" : " IN (");
            renderer.subquery(subquery);
            renderer.append(')');
        }

        @Override
        void shape(ShapeKey key) {
            key.add(InSubquery.class).add(negated);
            expression.shape(key);
            subquery.shape(key);
        }
    }

    /** {@code [NOT] EXISTS (subquery)}. */
    static final class Exists extends Condition {
        private final DefaultSelectQuery<?> subquery;
        private final boolean negated;

        Exists(DefaultSelectQuery<?> subquery, boolean negated) {
            this.subquery = subquery;
            this.negated = negated;
        }

        @Override
        void render(SqlRenderer renderer) {
            renderer.append(negated ? "NOT EXISTS (" : "EXISTS (");
            renderer.subquery(subquery);
            renderer.append(')');
        }

        @Override
        void shape(ShapeKey key) {
            key.add(Exists.class).add(negated);
            subquery.shape(key);
        }
    }

    /** {@code expression BETWEEN low AND high}. */
    static final class Between extends Condition {
        private final Expression<?> expression;
        private final Expression<?> low;
        private final Expression<?> high;

        Between(Expression<?> expression, Expression<?> low, Expression<?> high) {
            this.expression = expression;
            this.low = low;
            this.high = high;
        }

        @Override
        void render(SqlRenderer renderer) {
            expression.renderOperand(renderer);
            renderer.append(" BETWEEN ");
            low.renderOperand(renderer);
            renderer.append(" AND ");
            high.renderOperand(renderer);
        }

        @Override
        void shape(ShapeKey key) {
            key.add(Between.class);
            expression.shape(key);
            low.shape(key);
            high.shape(key);
        }
    }

    /** {@code expression LIKE ?}; the pattern is bound as text. */
    static final class Like extends Condition {
        private final Expression<?> expression;
        private final String operator;
        private final String pattern;

        Like(Expression<?> expression, String operator, String pattern) {
            this.expression = expression;
            this.operator = operator;
            this.pattern = pattern;
        }

        @Override
        void render(SqlRenderer renderer) {
            expression.renderOperand(renderer);
            renderer.append(operator);
            renderer.bind(pattern, Bind.STRING);
        }

        @Override
        void shape(ShapeKey key) {
            key.add(Like.class).add(operator);
            expression.shape(key);
        }
    }

    /** {@code element = ANY(array)}. */
    static final class AnyOf extends Condition {
        private final Expression<?> element;
        private final Expression<?> array;

        AnyOf(Expression<?> element, Expression<?> array) {
            this.element = element;
            this.array = array;
        }

        @Override
        void render(SqlRenderer renderer) {
            element.renderOperand(renderer);
            renderer.append(" = ANY(");
            array.render(renderer);
            renderer.append(')');
        }

        @Override
        void shape(ShapeKey key) {
            key.add(AnyOf.class);
            element.shape(key);
            array.shape(key);
        }
    }

    /** {@code USING ("a", "b")} of a join: not a condition of its own, rendered in place of {@code ON}. */
    static final class Using extends Condition {
        private final List<Column<?, ?>> columns;

        private Using(List<Column<?, ?>> columns) {
            this.columns = columns;
        }

        static Using of(Class<?> entity, Column<?, ?>[] columns) {
            if (columns == null || columns.length == 0) {
                throw new IllegalArgumentException("joinUsing needs at least one column");
            }
            for (Column<?, ?> column : columns) {
                if (column == null || column.entity() != entity || column.alias() != null) {
                    throw new IllegalArgumentException("joinUsing(" + entity.getSimpleName() + ", ...) takes columns"
                            + " of " + entity.getSimpleName() + " from its metamodel, but got " + column);
                }
            }
            return new Using(List.of(columns));
        }

        @Override
        void render(SqlRenderer renderer) {
            renderer.append(" USING (");
            for (int i = 0; i < columns.size(); i++) {
                renderer.append(i == 0 ? "" : ", ")
                        .append(renderer.scope.property(columns.get(i)).quotedColumn());
            }
            renderer.append(")");
        }

        @Override
        void shape(ShapeKey key) {
            key.add(Using.class).add(columns);
        }
    }

    static final class Wrapped extends Condition {
        private final Expression<?> expression;

        Wrapped(Expression<?> expression) {
            this.expression = expression;
        }

        @Override
        void render(SqlRenderer renderer) {
            expression.render(renderer);
        }

        @Override
        void shape(ShapeKey key) {
            key.add(Wrapped.class);
            expression.shape(key);
        }
    }
}
