/**
 * The bulk write paths behind {@code insertAll}, {@code updateAll}, {@code upsertAll} and {@code deleteAll}: one
 * statement over {@code unnest} arrays, or {@code COPY} with a sequence range for large inserts. Engine code: not an
 * API, may change in any release.
 */
@NullMarked
package io.databridge.internal.bulk;

import org.jspecify.annotations.NullMarked;
