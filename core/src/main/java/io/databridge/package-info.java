/**
 * The facade users call: {@link io.databridge.DataBridge} (CRUD, bulk writes, the query DSL, raw SQL) with its
 * builder, {@link io.databridge.SqlQuery} and {@link io.databridge.SchemaOperations}; and their package-private
 * implementations, which wire the engine ({@code io.databridge.internal.*}) together.
 */
@NullMarked
package io.databridge;

import org.jspecify.annotations.NullMarked;
