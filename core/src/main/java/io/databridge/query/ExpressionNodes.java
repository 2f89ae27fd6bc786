package io.databridge.query;

import org.jspecify.annotations.Nullable;

/** The expression nodes that are not columns, functions or conditions. All immutable. */
final class ExpressionNodes {

    private ExpressionNodes() {}

    /** {@code List<E>} as a reflected type, so that the codec of a list of {@code E} reads an aggregated array. */
    record ListType(Class<?> element) implements java.lang.reflect.ParameterizedType {
        @Override
        public java.lang.reflect.Type[] getActualTypeArguments() {
            return new java.lang.reflect.Type[] {element};
        }

        @Override
        public java.lang.reflect.Type getRawType() {
            return java.util.List.class;
        }

        @Override
        public java.lang.reflect.@Nullable Type getOwnerType() {
            return null;
        }

        @Override
        public String getTypeName() {
            return "java.util.List<" + element.getName() + ">";
        }
    }

    /** A bound value, typed by the expression it is compared with (whose codec then binds it). */
    static final class Param<V> extends Expression<V> {
        private final Object value;
        private final @Nullable Expression<?> typedBy;

        Param(Object value, @Nullable Expression<?> typedBy) {
            this.value = value;
            this.typedBy = typedBy;
        }

        @Override
        void render(SqlRenderer renderer) {
            renderer.bindValue(value, typedBy);
        }

        @Override
        void shape(ShapeKey key) {
            // The value's class picks its binder; the column it is compared with may give the codec.
            key.add(Param.class).add(value.getClass());
            if (typedBy == null) {
                key.add(null);
            } else {
                typedBy.shape(key);
            }
        }

        @Override
        Class<?> javaType() {
            return value.getClass();
        }

        @Override
        public String toString() {
            return "?";
        }
    }

    /** {@code left op right}, e.g. jsonb's {@code ->}. */
    static final class Operator<V> extends Expression<V> {
        private final Expression<?> left;
        private final String operator;
        private final Expression<?> right;
        private final Class<?> type;

        Operator(Expression<?> left, String operator, Expression<?> right, Class<?> type) {
            this.left = left;
            this.operator = operator;
            this.right = right;
            this.type = type;
        }

        @Override
        void render(SqlRenderer renderer) {
            left.renderOperand(renderer);
            renderer.append(operator);
            right.renderOperand(renderer);
        }

        @Override
        void shape(ShapeKey key) {
            key.add(Operator.class).add(operator).add(type);
            left.shape(key);
            right.shape(key);
        }

        @Override
        boolean compound() {
            return true;
        }

        @Override
        Class<?> javaType() {
            return type;
        }

        @Override
        public String toString() {
            return left + operator + right;
        }
    }

    /** {@code expression::type}; the type is fixed text from the engine, never user input. */
    static final class Cast<V> extends Expression<V> {
        private final Expression<?> expression;
        private final String type;

        Cast(Expression<?> expression, String type) {
            this.expression = expression;
            this.type = type;
        }

        @Override
        void render(SqlRenderer renderer) {
            expression.renderOperand(renderer);
            renderer.append("::").append(type);
        }

        @Override
        void shape(ShapeKey key) {
            key.add(Cast.class).add(type);
            expression.shape(key);
        }

        @Override
        Class<?> javaType() {
            return expression.javaType();
        }
    }

    /**
     * {@code expression AS "alias"} in a select list ({@link SqlRenderer#selectList}); anywhere else the expression
     * alone, since an alias is defined only where it is declared.
     */
    static final class Aliased<V> extends Expression<V> {
        final Expression<V> expression;
        final String alias;
        final String quotedAlias;

        Aliased(Expression<V> expression, String alias) {
            this.expression = expression;
            this.quotedAlias = io.databridge.internal.sql.Identifiers.quote(alias, "column alias");
            this.alias = alias;
        }

        @Override
        void render(SqlRenderer renderer) {
            expression.render(renderer);
        }

        @Override
        boolean compound() {
            return expression.compound();
        }

        @Override
        java.lang.reflect.Type genericType() {
            return expression.genericType();
        }

        @Override
        void shape(ShapeKey key) {
            key.add(Aliased.class).add(alias);
            expression.shape(key);
        }

        @Override
        Class<?> javaType() {
            return expression.javaType();
        }

        @Override
        public String toString() {
            return expression + " AS " + alias;
        }
    }
}
