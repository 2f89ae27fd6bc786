/**
 * The entity model, built once per type from the mapping annotations: {@link
 * io.databridge.internal.model.EntityModels} (the cache), {@link io.databridge.internal.model.EntityModel}, {@link
 * io.databridge.internal.model.PropertyModel}, the SQL of single-row writes ({@link
 * io.databridge.internal.model.EntitySql}), and the row-to-object adapters shared by raw SQL, repositories and the
 * query DSL: {@link io.databridge.internal.model.EntityReader}, {@link io.databridge.internal.model.RowConstructor}
 * (records, constructors) and {@link io.databridge.internal.model.InterfaceProjection} (closed interface projections).
 * Engine code: not an API, may change in any release.
 */
@NullMarked
package io.databridge.internal.model;

import org.jspecify.annotations.NullMarked;
