/**
 * Relations and aggregates: resolves and validates the relations an entity declares ({@link
 * io.databridge.internal.relation.RelationResolver}), loads fetch plans by select-in, one statement per relation per
 * level ({@link io.databridge.internal.relation.RelationLoader}), and saves and deletes owned children with their parent
 * ({@link io.databridge.internal.relation.AggregateWriter}). No proxies: unfetched collections are placeholders that fail
 * on read, unfetched to-ones are id-only references.
 */
@NullMarked
package io.databridge.internal.relation;

import org.jspecify.annotations.NullMarked;
