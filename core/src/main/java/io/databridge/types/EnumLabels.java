package io.databridge.types;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The stored labels of an enum's constants: the constant's {@link EnumLabel} or else its name. Read once per enum
 * class and cached. Thread-safe.
 */
public final class EnumLabels {

    private static final ClassValue<Labels> LABELS = new ClassValue<>() {
        @Override
        protected Labels computeValue(Class<?> type) {
            return new Labels(type);
        }
    };

    private EnumLabels() {}

    /**
     * The label a constant is stored as.
     *
     * @param constant the constant
     * @return its {@link EnumLabel}, or its name
     * @throws IllegalArgumentException when a label of the enum is invalid or used twice
     */
    public static String label(Enum<?> constant) {
        return LABELS.get(constant.getDeclaringClass()).labels.get(constant.ordinal());
    }

    /**
     * The labels of every constant, in declaration order.
     *
     * @param type the enum class
     * @return the labels
     * @throws IllegalArgumentException when a label of the enum is invalid or used twice
     */
    public static List<String> labels(Class<? extends Enum<?>> type) {
        return LABELS.get(type).labels;
    }

    /**
     * The constant stored as {@code label}.
     *
     * @param type the enum class
     * @param label the stored label
     * @param <E> the enum type
     * @return the constant, or {@code null} when no constant has that label
     */
    public static <E extends Enum<E>> @Nullable E constant(Class<E> type, String label) {
        return type.cast(LABELS.get(type).byLabel.get(label));
    }

    private static final class Labels {
        final List<String> labels;
        final Map<String, Object> byLabel;

        Labels(Class<?> type) {
            if (!type.isEnum()) {
                throw new IllegalArgumentException(type.getName() + " is not an enum");
            }
            Object[] constants = type.getEnumConstants();
            String[] labels = new String[constants.length];
            this.byLabel = new HashMap<>(constants.length * 2);
            for (int i = 0; i < constants.length; i++) {
                String name = ((Enum<?>) constants[i]).name();
                EnumLabel annotation;
                try {
                    annotation = type.getField(name).getAnnotation(EnumLabel.class);
                } catch (NoSuchFieldException ex) {
                    throw new IllegalStateException(type.getName() + "." + name + " has no field", ex);
                }
                String label = annotation == null ? name : check(type, name, annotation.value());
                Object clash = byLabel.putIfAbsent(label, constants[i]);
                if (clash != null) {
                    throw new IllegalArgumentException("Enum " + type.getName() + ": constants " + clash + " and "
                            + name + " have the same label '" + label + "'; give each its own @EnumLabel");
                }
                labels[i] = label;
            }
            this.labels = List.of(labels);
        }

        private static String check(Class<?> type, String name, String label) {
            String problem = null;
            if (label.isEmpty()) {
                problem = "is empty";
            } else if (label.getBytes(StandardCharsets.UTF_8).length > 63) {
                problem = "is longer than PostgreSQL's 63 bytes";
            } else if (label.indexOf('\\') >= 0 || label.indexOf(0) >= 0) {
                problem = "contains a backslash or NUL character";
            }
            if (problem != null) {
                throw new IllegalArgumentException("@EnumLabel of " + type.getName() + "." + name + " " + problem
                        + "; use 1 to 63 bytes without backslash or NUL");
            }
            return label;
        }
    }
}
