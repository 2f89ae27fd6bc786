/**
 * The engine behind {@link io.databridge.DataBridge}: SQL rendered once per entity, statement execution through
 * Spring's {@code DataSourceUtils}, and row mapping. Public only for technical reasons; not an API.
 */
@NullMarked
package io.databridge.internal;

import org.jspecify.annotations.NullMarked;
