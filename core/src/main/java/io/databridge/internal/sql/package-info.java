/**
 * SQL text building blocks: identifier validation and quoting. Values never enter SQL text; they are bound. Engine
 * code: not an API, may change in any release.
 */
@NullMarked
package io.databridge.internal.sql;

import org.jspecify.annotations.NullMarked;
