package io.databridge.internal.model;

import io.databridge.internal.rules.MappingMessages;
import io.databridge.mapping.EntityMappingException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;

/**
 * Rejects mapping annotations of other libraries that IDEs offer next to data-bridge's (Spring Data's
 * {@code org.springframework.data.annotation.Id}, JPA's {@code jakarta.persistence.Id}, ...). data-bridge does not read
 * them; an entity that uses one fails with the annotation that was imported and the one to use, instead of a
 * misleading "no @Id" or a property silently mapped. The table and the message are the processor's too
 * ({@link io.databridge.internal.rules.LookAlikeAnnotations}). Stateless.
 */
final class LookAlikeAnnotations {

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
            String replacement = io.databridge.internal.rules.LookAlikeAnnotations.replacement(imported);
            if (replacement != null) {
                throw new EntityMappingException(MappingMessages.lookAlike(where, imported, replacement));
            }
        }
    }
}
