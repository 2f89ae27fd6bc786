/**
 * Schema operations from the entity model: create and drop tables for tests and quick starts, and the schema diff
 * that writes the next migration script. Engine code: not an API, may change in any release.
 */
@NullMarked
package io.databridge.internal.schema;

import org.jspecify.annotations.NullMarked;
