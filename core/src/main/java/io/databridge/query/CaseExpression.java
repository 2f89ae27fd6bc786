package io.databridge.query;

import io.databridge.query.ExpressionNodes.Param;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code CASE WHEN condition THEN result ... [ELSE result] END}, started by {@link Expressions#caseWhen(Condition,
 * Expression)}. Without {@link #otherwise} the value is {@code NULL} when no condition holds. Every call returns a new
 * object. Immutable and thread-safe.
 *
 * @param <V> the type of the results
 */
public final class CaseExpression<V> extends Expression<V> {

    private final List<Condition> conditions;
    private final List<Expression<?>> results;
    private final @Nullable Expression<?> otherwise;
    private final Class<?> type;

    CaseExpression(
            List<Condition> conditions, List<Expression<?>> results, @Nullable Expression<?> otherwise, Class<?> type) {
        this.conditions = conditions;
        this.results = results;
        this.otherwise = otherwise;
        this.type = type;
    }

    static <V> CaseExpression<V> of(Condition condition, Expression<?> result) {
        return new CaseExpression<>(
                List.of(Condition.requireCondition(condition)), List.of(required(result)), null, result.javaType());
    }

    static <V> Expression<V> result(V value) {
        return new Param<>(Values.notNull(value, "caseWhen", "Expressions"), null);
    }

    /**
     * Adds {@code WHEN condition THEN result}.
     *
     * @param condition the condition
     * @param result the result when it holds
     * @return a new case expression
     */
    public CaseExpression<V> when(Condition condition, Expression<? extends V> result) {
        List<Condition> moreConditions = new ArrayList<>(conditions);
        moreConditions.add(Condition.requireCondition(condition));
        List<Expression<?>> moreResults = new ArrayList<>(results);
        moreResults.add(required(result));
        return new CaseExpression<>(List.copyOf(moreConditions), List.copyOf(moreResults), otherwise, type);
    }

    /**
     * Adds {@code WHEN condition THEN ?} with the value bound.
     *
     * @param condition the condition
     * @param result the result when it holds, not {@code null}
     * @return a new case expression
     */
    public CaseExpression<V> when(Condition condition, V result) {
        return when(condition, result(result));
    }

    /**
     * Ends with {@code ELSE result END}.
     *
     * @param result the result when no condition holds
     * @return the expression
     */
    public Expression<V> otherwise(Expression<? extends V> result) {
        return new CaseExpression<>(conditions, results, required(result), type);
    }

    /**
     * Ends with {@code ELSE ? END}, the value bound.
     *
     * @param result the result when no condition holds, not {@code null}
     * @return the expression
     */
    public Expression<V> otherwise(V result) {
        return otherwise(result(result));
    }

    private static Expression<?> required(@Nullable Expression<?> result) {
        if (result == null) {
            throw new IllegalArgumentException("A CASE result must not be null; use a typed NULL with"
                    + " Expressions.cast or leave otherwise(...) out for NULL");
        }
        return result;
    }

    @Override
    void render(SqlRenderer renderer) {
        renderer.append("CASE");
        for (int i = 0; i < conditions.size(); i++) {
            renderer.append(" WHEN ");
            conditions.get(i).render(renderer);
            renderer.append(" THEN ");
            results.get(i).render(renderer);
        }
        if (otherwise != null) {
            renderer.append(" ELSE ");
            otherwise.render(renderer);
        }
        renderer.append(" END");
    }

    @Override
    Class<?> javaType() {
        return type;
    }

    @Override
    void shape(ShapeKey key) {
        key.add(CaseExpression.class).add(type).expressions(conditions).expressions(results);
        if (otherwise == null) {
            key.add(null);
        } else {
            otherwise.shape(key);
        }
    }

    @Override
    public String toString() {
        return "CASE" + conditions + results + (otherwise == null ? "" : " ELSE " + otherwise) + " END";
    }
}
