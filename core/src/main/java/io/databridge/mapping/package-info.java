/**
 * The entity model: annotations users put on classes and records, and the immutable {@link
 * io.databridge.mapping.EntityModel} built once per type from them; and the row-to-object adapters shared by raw SQL,
 * repositories and the query DSL: {@link io.databridge.mapping.RowConstructor} (records, constructors) and {@link
 * io.databridge.mapping.InterfaceProjection} (closed interface projections).
 */
@NullMarked
package io.databridge.mapping;

import org.jspecify.annotations.NullMarked;
