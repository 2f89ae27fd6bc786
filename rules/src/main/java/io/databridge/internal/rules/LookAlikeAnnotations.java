package io.databridge.internal.rules;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Mapping annotations of other libraries that IDEs offer next to data-bridge's (Spring Data's {@code
 * org.springframework.data.annotation.Id}, JPA's {@code jakarta.persistence.Id}, ...). data-bridge does not read them;
 * an entity that uses one fails with the annotation that was imported and the one to use, instead of a misleading "no
 * {@code @Id}" or a property silently mapped. Immutable, thread-safe.
 */
public final class LookAlikeAnnotations {

    /** The package of data-bridge's mapping annotations, with the trailing dot. */
    public static final String MAPPING = "io.databridge.mapping.";

    private static final Map<String, String> REPLACEMENTS = Map.ofEntries(
            Map.entry("org.springframework.data.annotation.Id", MAPPING + "Id"),
            Map.entry("org.springframework.data.annotation.Transient", MAPPING + "Transient"),
            Map.entry("org.springframework.data.annotation.Version", MAPPING + "Version"),
            Map.entry("org.springframework.data.annotation.CreatedDate", MAPPING + "CreatedAt"),
            Map.entry("org.springframework.data.annotation.LastModifiedDate", MAPPING + "UpdatedAt"),
            Map.entry("org.springframework.data.relational.core.mapping.Column", MAPPING + "Column"),
            Map.entry("jakarta.persistence.Id", MAPPING + "Id"),
            Map.entry("jakarta.persistence.Transient", MAPPING + "Transient"),
            Map.entry("jakarta.persistence.Version", MAPPING + "Version"),
            Map.entry("jakarta.persistence.Column", MAPPING + "Column"),
            Map.entry("jakarta.persistence.GeneratedValue", MAPPING + "GeneratedValue"));

    private LookAlikeAnnotations() {}

    /**
     * data-bridge's annotation to use instead of a look-alike.
     *
     * @param annotationName the binary name of an annotation on a property
     * @return the replacement's name, or {@code null} when the annotation is no look-alike
     */
    public static @Nullable String replacement(String annotationName) {
        return REPLACEMENTS.get(annotationName);
    }

    /**
     * The look-alike annotation names and their replacements.
     *
     * @return the whole table, unmodifiable
     */
    public static Map<String, String> table() {
        return REPLACEMENTS;
    }
}
