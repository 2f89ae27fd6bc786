package io.databridge.internal.model;

import io.databridge.internal.sql.Identifiers;
import io.databridge.mapping.GeneratedValue;
import io.databridge.mapping.Table;
import java.lang.reflect.Field;
import java.math.BigInteger;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The named sequence an entity's ids are drawn from ({@code @GeneratedValue(strategy = SEQUENCE)}), in blocks of
 * {@link #allocationSize()}: a value {@code v} of the sequence stands for the ids {@code v} to {@code v +
 * allocationSize - 1}. The mapping was checked when the model was built. Immutable, thread-safe.
 *
 * @param name the unquoted sequence name
 * @param qualified the quoted name, in the schema of the entity's table
 * @param allocationSize the ids per block (the sequence's {@code INCREMENT BY})
 */
public record IdSequence(String name, String qualified, int allocationSize) {

    /** Per entity class: its sequence, built once (the mapping was checked when the model was built). */
    private static final ClassValue<Optional<IdSequence>> SEQUENCES = new ClassValue<>() {
        @Override
        protected Optional<IdSequence> computeValue(Class<?> type) {
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    GeneratedValue generated = field.getAnnotation(GeneratedValue.class);
                    if (generated != null) {
                        if (generated.strategy() != GeneratedValue.Strategy.SEQUENCE) {
                            return Optional.empty();
                        }
                        Table table = type.getAnnotation(Table.class);
                        String schema = table == null ? "" : table.schema();
                        return Optional.of(new IdSequence(
                                generated.sequence(),
                                Identifiers.qualified(schema, generated.sequence(), "sequence name"),
                                generated.allocationSize()));
                    }
                }
            }
            return Optional.empty();
        }
    };

    /**
     * The sequence of an entity whose ids are drawn from one.
     *
     * @param model the entity
     * @return the sequence, or {@code null} when ids are not drawn from a named sequence
     */
    public static @Nullable IdSequence of(EntityModel<?> model) {
        return model.id().generated() ? SEQUENCES.get(model.type()).orElse(null) : null;
    }

    /**
     * An id as the id property's type holds it.
     *
     * @param id the property
     * @param value a value drawn from the sequence
     * @return the value as a {@code Long}, {@code Integer}, {@code Short} or {@code BigInteger}
     * @throws ArithmeticException when the value does not fit the type
     */
    public static Object toIdType(PropertyModel id, long value) {
        Class<?> type = JavaTypes.box(id.valueType().rawType());
        if (type == Integer.class) {
            return Math.toIntExact(value);
        }
        if (type == Short.class) {
            if (value != (short) value) {
                throw new ArithmeticException("short overflow");
            }
            return (short) value;
        }
        if (type == BigInteger.class) {
            return BigInteger.valueOf(value);
        }
        return value;
    }
}
