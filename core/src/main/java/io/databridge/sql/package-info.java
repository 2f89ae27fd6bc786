/** SQL text building blocks: identifier validation and quoting. Values never enter SQL text; they are bound. */
@NullMarked
package io.databridge.sql;

import org.jspecify.annotations.NullMarked;
