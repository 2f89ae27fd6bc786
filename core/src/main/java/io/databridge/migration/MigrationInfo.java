package io.databridge.migration;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One migration as {@link Migrations#status()} reports it.
 *
 * @param version the version
 * @param description the description, from the script name ({@code V3__add_email_index.sql}: {@code add email index})
 * @param script the script's name, or {@code null} when it is missing
 * @param state where it stands
 * @param installedOn when it was applied, or {@code null} when it was not
 * @param executionMillis how long it took, or {@code null} when it was not applied
 * @param undoable whether an undo script ({@code U<version>__...sql}) exists
 */
public record MigrationInfo(
        MigrationVersion version,
        String description,
        @Nullable String script,
        MigrationState state,
        @Nullable Instant installedOn,
        @Nullable Integer executionMillis,
        boolean undoable) {}
