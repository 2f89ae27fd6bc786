package io.databridge.internal.bulk;

import io.databridge.internal.jdbc.JdbcExecutor;
import io.databridge.internal.model.EntityModel;
import io.databridge.internal.model.EntityModels;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The skeleton of the bulk calls ({@link BulkInsert}, {@link BulkWrite}): the entity model the collection shares, the
 * caller's transaction or a new one, and the fallback of one single-row call per entity. Thread-safe.
 */
abstract class BulkOperation {

    final EntityModels models;
    final JdbcExecutor executor;
    private final TransactionTemplate transactions;

    BulkOperation(EntityModels models, JdbcExecutor executor, TransactionTemplate transactions) {
        this.models = models;
        this.executor = executor;
        this.transactions = transactions;
    }

    /**
     * The model of the entities when they are all of one class, else {@code null}.
     *
     * @throws IllegalArgumentException when an element is {@code null}
     */
    @SuppressWarnings("unchecked")
    final <T> @Nullable EntityModel<T> commonModel(List<T> input) {
        Class<?> type = null;
        for (T entity : input) {
            if (entity == null) {
                throw new IllegalArgumentException("entities must not contain null");
            }
            if (type == null) {
                type = entity.getClass();
            } else if (type != entity.getClass()) {
                return null;
            }
        }
        return type == null ? null : (EntityModel<T>) models.get(type);
    }

    /** Runs the work in the caller's transaction, or in its own when there is none. */
    final <R> @Nullable R transactional(Supplier<@Nullable R> work) {
        return transactions.execute(status -> work.get());
    }

    /** {@link #transactional} for work that returns entities; never {@code null}. */
    final <T> List<T> allInTransaction(Supplier<List<T>> work) {
        List<T> result = transactional(work::get);
        return result == null ? List.of() : result;
    }

    /** The fallback: one single-row call per entity, all in one transaction. */
    final <T> List<T> rowByRow(List<T> input, UnaryOperator<T> single) {
        return allInTransaction(() -> each(input, single));
    }

    /** One single-row call per entity, in the current transaction. */
    static <T> List<T> each(List<T> input, UnaryOperator<T> single) {
        List<T> result = new ArrayList<>(input.size());
        for (T entity : input) {
            result.add(single.apply(entity));
        }
        return result;
    }
}
