package io.databridge.internal.model;

import io.databridge.mapping.GeneratedValue;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Ids generated in Java before an insert ({@code @GeneratedValue(strategy = UUID_V7)}): UUID version 7 (RFC 9562), a
 * 48-bit Unix millisecond timestamp, a 12-bit counter that keeps ids from one JVM strictly increasing within a
 * millisecond (method 1 of RFC 9562 section 6.2; on overflow the timestamp moves on), and 62 random bits. Thread-safe.
 */
public final class JavaIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** The last timestamp (high 48 bits of 60) and counter (low 12 bits) handed out. */
    private static final AtomicLong LAST = new AtomicLong();

    private static final ClassValue<Boolean> UUID_V7 = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                for (var field : c.getDeclaredFields()) {
                    GeneratedValue generated = field.getAnnotation(GeneratedValue.class);
                    if (generated != null) {
                        return generated.strategy() == GeneratedValue.Strategy.UUID_V7;
                    }
                }
            }
            return false;
        }
    };

    private JavaIds() {}

    /**
     * A new UUID version 7.
     *
     * @return the id, greater than every id this JVM generated before (compared as unsigned 128-bit numbers)
     */
    public static UUID uuidV7() {
        long now = System.currentTimeMillis() << 12;
        long stamp = LAST.updateAndGet(last -> Math.max(now, last + 1));
        long high = (stamp >>> 12) << 16 | 0x7000L | (stamp & 0xFFFL);
        long low = (RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }

    /**
     * Whether the entity's id is generated in Java.
     *
     * @param model the entity
     * @return {@code true} for {@code @GeneratedValue(strategy = UUID_V7)}
     */
    public static boolean generatesInJava(EntityModel<?> model) {
        return model.id().generated() && UUID_V7.get(model.type());
    }

    /**
     * The entity with a new id when it has none and its ids are generated in Java; else the entity itself.
     *
     * @param model the entity's model
     * @param entity the entity
     * @param <T> the entity type
     * @return the entity to insert: the same object with its id set, or a new record with it
     */
    public static <T> T assign(EntityModel<T> model, T entity) {
        PropertyModel id = model.id();
        if (!generatesInJava(model) || id.get(entity) != null) {
            return entity;
        }
        if (model.isRecord()) {
            @Nullable Object[] values = model.values(entity);
            values[id.index()] = uuidV7();
            return model.instantiate(values);
        }
        id.set(entity, uuidV7());
        return entity;
    }

    /**
     * {@link #assign} over a collection.
     *
     * @param model the entities' model
     * @param entities the entities
     * @param <T> the entity type
     * @return the entities to insert, in order
     */
    public static <T> List<T> assignAll(EntityModel<T> model, Collection<T> entities) {
        List<T> assigned = new ArrayList<>(entities.size());
        for (T entity : entities) {
            // A null element is left for the bulk path to refuse with its own message.
            assigned.add(entity == null ? entity : assign(model, entity));
        }
        return assigned;
    }
}
