package io.databridge.internal.model;

import io.databridge.mapping.EntityMappingException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Mapping annotations of other libraries that IDEs offer next to data-bridge's (Spring Data's
 * {@code org.springframework.data.annotation.Id}, JPA's {@code jakarta.persistence.Id}, ...). data-bridge does not read
 * them; an entity that uses one fails with the annotation that was imported and the one to use, instead of a
 * misleading "no @Id" or a property silently mapped. The processor holds the same table (it cannot depend on core).
 * Stateless.
 */
final class LookAlikeAnnotations {

    private static final String MAPPING = "io.databridge.mapping.";

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
     * Fails when the element carries a look-alike annotation.
     *
     * @param where {@code com.example.Customer.id}
     * @param element the field or record component
     * @throws EntityMappingException naming the imported annotation and data-bridge's
     */
    static void reject(String where, AnnotatedElement element) {
        for (Annotation annotation : element.getAnnotations()) {
            String imported = annotation.annotationType().getName();
            String replacement = REPLACEMENTS.get(imported);
            if (replacement != null) {
                throw new EntityMappingException(message(where, imported, replacement));
            }
        }
    }

    static String message(String where, String imported, @Nullable String replacement) {
        return "Cannot map " + where + ": it is annotated with " + imported + ", which data-bridge does not read;"
                + " import " + replacement + " instead";
    }
}
