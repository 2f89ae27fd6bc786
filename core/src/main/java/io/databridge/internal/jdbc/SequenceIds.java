package io.databridge.internal.jdbc;

import io.databridge.internal.model.EntityModel;
import io.databridge.internal.model.IdSequence;
import io.databridge.internal.model.JavaIds;
import io.databridge.internal.model.PropertyModel;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessResourceUsageException;

/**
 * Assigns the ids data-bridge generates before an insert, one instance per engine: UUID version 7 ({@link JavaIds}),
 * and ids drawn from a named sequence in blocks ({@link IdSequence}, JPA's pooled optimizer). A single insert takes the
 * next id of the engine's current block of that sequence and draws a new block ({@code nextval}) only when it is used
 * up; a bulk insert takes what is left of the block and draws every further block it needs in one statement. The
 * first draw of each sequence checks that it exists and counts by the allocation size, and fails with the fix when
 * not. Thread-safe: each sequence's block is handed out under its own lock.
 */
public final class SequenceIds {

    static final String INCREMENT =
            "SELECT p.seqincrement FROM pg_catalog.pg_sequence AS p WHERE p.seqrelid = to_regclass(?)";
    static final String DRAW = "SELECT nextval(?::regclass) FROM generate_series(1, ?)";

    private final JdbcExecutor executor;
    private final ConcurrentHashMap<String, Block> blocks = new ConcurrentHashMap<>();

    /**
     * Creates the engine's id assigner.
     *
     * @param executor draws blocks from sequences
     */
    public SequenceIds(JdbcExecutor executor) {
        this.executor = executor;
    }

    /**
     * The entity with a new id when it has none and data-bridge generates its ids; else the entity itself.
     *
     * @param model the entity's model
     * @param entity the entity
     * @param <T> the entity type
     * @return the entity to insert: the same object with its id set, or a new record with it
     */
    public <T> T assign(EntityModel<T> model, T entity) {
        IdSequence sequence = IdSequence.of(model);
        if (sequence == null) {
            return JavaIds.assign(model, entity);
        }
        if (!model.id().isUnset(model.id().get(entity))) {
            return entity;
        }
        return withId(model, entity, block(model, sequence).take(1)[0]);
    }

    /**
     * {@link #assign} over a collection; the ids of a sequence are drawn in one statement at most.
     *
     * @param model the entities' model
     * @param entities the entities
     * @param <T> the entity type
     * @return the entities to insert, in order; {@code entities} itself when data-bridge generates no ids for them
     */
    public <T> Collection<T> assignAll(EntityModel<T> model, Collection<T> entities) {
        IdSequence sequence = IdSequence.of(model);
        if (sequence == null) {
            return JavaIds.generatesInJava(model) ? JavaIds.assignAll(model, entities) : entities;
        }
        PropertyModel id = model.id();
        int unset = 0;
        for (T entity : entities) {
            // A null element is left for the bulk path to refuse with its own message.
            if (entity != null && id.isUnset(id.get(entity))) {
                unset++;
            }
        }
        if (unset == 0) {
            return entities;
        }
        long[] ids = block(model, sequence).take(unset);
        List<T> assigned = new ArrayList<>(entities.size());
        int next = 0;
        for (T entity : entities) {
            assigned.add(entity != null && id.isUnset(id.get(entity)) ? withId(model, entity, ids[next++]) : entity);
        }
        return assigned;
    }

    private <T> T withId(EntityModel<T> model, T entity, long value) {
        PropertyModel id = model.id();
        Object converted;
        try {
            converted = IdSequence.toIdType(id, value);
        } catch (ArithmeticException ex) {
            throw new InvalidDataAccessResourceUsageException("Cannot generate an id for " + id.qualifiedName()
                    + ": its sequence's next value does not fit "
                    + id.valueType().rawType().getSimpleName()
                    + "; use a long id");
        }
        if (model.isRecord()) {
            @Nullable Object[] values = model.values(entity);
            values[id.index()] = converted;
            return model.instantiate(values);
        }
        id.set(entity, converted);
        return entity;
    }

    private Block block(EntityModel<?> model, IdSequence sequence) {
        Block block = blocks.computeIfAbsent(sequence.qualified(), name -> new Block(sequence));
        if (block.sequence.allocationSize() != sequence.allocationSize()) {
            throw new InvalidDataAccessResourceUsageException(
                    "Cannot generate an id for " + model.id().qualifiedName()
                            + ": sequence " + sequence.qualified() + " is used with allocationSize = "
                            + block.sequence.allocationSize() + " by another entity and " + sequence.allocationSize()
                            + " by this one; give them the same allocationSize");
        }
        return block;
    }

    /** The current block of one sequence: the ids {@code next} (inclusive) to {@code end} (exclusive) are free. */
    private final class Block {

        private final IdSequence sequence;
        private boolean checked;
        private long next;
        private long end;

        Block(IdSequence sequence) {
            this.sequence = sequence;
        }

        synchronized long[] take(int count) {
            long[] ids = new long[count];
            int taken = 0;
            while (taken < count && next < end) {
                ids[taken++] = next++;
            }
            if (taken == count) {
                return ids;
            }
            int size = sequence.allocationSize();
            int missing = count - taken;
            long[] starts = draw((missing + size - 1) / size);
            for (long start : starts) {
                for (long id = start; id < start + size; id++) {
                    if (taken < count) {
                        ids[taken++] = id;
                    } else {
                        // The rest of the last block serves the next inserts.
                        next = id;
                        end = start + size;
                        break;
                    }
                }
            }
            return ids;
        }

        /** Draws {@code count} blocks in one statement, checking the sequence on the first draw. */
        private long[] draw(int count) {
            String task = "generate ids from " + sequence.qualified();
            if (!checked) {
                Long increment = executor.execute(task, INCREMENT, statement -> {
                    statement.setString(1, sequence.qualified());
                    try (ResultSet rows = statement.executeQuery()) {
                        return rows.next() ? rows.getLong(1) : null;
                    }
                });
                if (increment == null) {
                    throw new InvalidDataAccessResourceUsageException("Cannot generate ids from sequence "
                            + sequence.qualified() + ": it does not exist; create it with CREATE SEQUENCE "
                            + sequence.qualified() + " INCREMENT BY " + sequence.allocationSize()
                            + " (schema().create does), or name an existing one in @GeneratedValue(sequence = ...)");
                }
                if (increment != sequence.allocationSize()) {
                    throw new InvalidDataAccessResourceUsageException("Cannot generate ids from sequence "
                            + sequence.qualified() + ": it increments by " + increment + " but @GeneratedValue"
                            + " declares allocationSize = " + sequence.allocationSize() + ", so blocks would overlap;"
                            + " ALTER SEQUENCE " + sequence.qualified() + " INCREMENT BY " + sequence.allocationSize()
                            + ", or set allocationSize = " + increment);
                }
                checked = true;
            }
            long[] starts = executor.execute(task, DRAW, statement -> {
                statement.setString(1, sequence.qualified());
                statement.setInt(2, count);
                long[] values = new long[count];
                int i = 0;
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        values[i++] = rows.getLong(1);
                    }
                }
                return values;
            });
            Arrays.sort(starts);
            return starts;
        }
    }
}
