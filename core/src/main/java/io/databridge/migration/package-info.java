/**
 * Versioned SQL migrations: {@code V<version>__<description>.sql} scripts applied in version order, each in its own
 * transaction, recorded with a checksum in {@code data_bridge_schema_history}, under a PostgreSQL advisory lock so
 * that instances starting together migrate once; {@code U<version>__<description>.sql} scripts undo them. Entry point:
 * {@link io.databridge.migration.Migrations}.
 */
@NullMarked
package io.databridge.migration;

import org.jspecify.annotations.NullMarked;
