/**
 * The entity model: annotations users put on classes and records, and the immutable {@link
 * io.databridge.mapping.EntityModel} built once per type from them.
 */
@NullMarked
package io.databridge.mapping;

import org.jspecify.annotations.NullMarked;
