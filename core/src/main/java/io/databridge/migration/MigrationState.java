package io.databridge.migration;

/** Where a migration stands. */
public enum MigrationState {
    /** Recorded in the history and its script unchanged. */
    APPLIED,
    /** Its script exists and it is not recorded yet. */
    PENDING,
    /** Recorded as the baseline: earlier versions are taken as applied. */
    BASELINE,
    /** Recorded, but its script changed since (its checksum differs). */
    CHANGED,
    /** Recorded, but its script is gone. */
    MISSING,
    /** Its script exists, but a higher version was applied before it. */
    OUT_OF_ORDER
}
