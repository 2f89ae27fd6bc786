package io.databridge.internal.model;

import java.util.List;

/**
 * An index declared with {@link Index}. Immutable and thread-safe.
 *
 * @param name the index name (validated identifier)
 * @param properties the indexed properties, in order
 * @param unique whether the index is unique
 */
public record IndexModel(String name, List<PropertyModel> properties, boolean unique) {

    /** Copies the property list. */
    public IndexModel {
        properties = List.copyOf(properties);
    }
}
