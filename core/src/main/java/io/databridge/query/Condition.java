package io.databridge.query;

import java.util.ArrayList;
import java.util.List;

/**
 * A boolean SQL condition for {@code WHERE}, {@code HAVING}, {@code ON} and {@code FILTER}. Combine with {@link
 * #and(Condition)}, {@link #or(Condition)} and {@link #not()}. Immutable and thread-safe.
 */
public abstract class Condition extends Expression<Boolean> {

    Condition() {}

    /**
     * {@code this AND other}.
     *
     * @param other the other condition
     * @return a new condition
     */
    public Condition and(Condition other) {
        return Conditions.Junction.of(" AND ", this, requireCondition(other));
    }

    /**
     * {@code this OR other}.
     *
     * @param other the other condition
     * @return a new condition
     */
    public Condition or(Condition other) {
        return Conditions.Junction.of(" OR ", this, requireCondition(other));
    }

    /**
     * {@code NOT (this)}.
     *
     * @return a new condition
     */
    public Condition not() {
        return new Conditions.Not(this);
    }

    /**
     * All conditions at once: {@code a AND b AND c}.
     *
     * @param conditions at least one condition
     * @return the conjunction
     * @throws IllegalArgumentException when there is none
     */
    public static Condition allOf(Condition... conditions) {
        return combine(" AND ", conditions);
    }

    /**
     * Any of the conditions: {@code a OR b OR c}.
     *
     * @param conditions at least one condition
     * @return the disjunction
     * @throws IllegalArgumentException when there is none
     */
    public static Condition anyOf(Condition... conditions) {
        return combine(" OR ", conditions);
    }

    private static Condition combine(String operator, Condition[] conditions) {
        if (conditions.length == 0) {
            throw new IllegalArgumentException("Combine at least one condition");
        }
        Condition result = requireCondition(conditions[0]);
        List<Condition> rest = new ArrayList<>(List.of(conditions).subList(1, conditions.length));
        for (Condition condition : rest) {
            result = Conditions.Junction.of(operator, result, requireCondition(condition));
        }
        return result;
    }

    static Condition requireCondition(Condition condition) {
        if (condition == null) {
            throw new IllegalArgumentException("condition must not be null");
        }
        return condition;
    }

    static Expression<?> requireExpression(Expression<?> expression) {
        if (expression == null) {
            throw new IllegalArgumentException("expression must not be null");
        }
        return expression;
    }

    @Override
    Class<?> javaType() {
        return Boolean.class;
    }

    @Override
    boolean compound() {
        return true;
    }
}
