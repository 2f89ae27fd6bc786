/**
 * The type-safe query DSL: {@link io.databridge.query.Column}s from the generated metamodel ({@code User_.email}),
 * {@link io.databridge.query.Condition}s, and immutable queries started with {@code DataBridge.from(Class)}. Every
 * value is bound as a {@code ?} parameter through the property's codec; identifiers come from the entity model. See
 * {@code docs/query-dsl.md} for every construct and the SQL it renders.
 */
@NullMarked
package io.databridge.query;

import org.jspecify.annotations.NullMarked;
