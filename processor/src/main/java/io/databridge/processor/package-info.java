/**
 * The annotation processor that generates the type-safe metamodel {@code X_} of every {@code @Table} entity and checks
 * the entity against the rules of the runtime model, so a bad mapping fails the build instead of the first query.
 */
@NullMarked
package io.databridge.processor;

import org.jspecify.annotations.NullMarked;
