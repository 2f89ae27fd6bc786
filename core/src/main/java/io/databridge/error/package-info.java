/**
 * Translation of PostgreSQL failures into Spring's {@link org.springframework.dao.DataAccessException} hierarchy, with
 * sanitized messages by default.
 */
@NullMarked
package io.databridge.error;

import org.jspecify.annotations.NullMarked;
