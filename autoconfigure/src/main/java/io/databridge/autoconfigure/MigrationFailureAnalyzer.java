package io.databridge.autoconfigure;

import io.databridge.migration.MigrationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a startup that stopped because the migrations did not apply or do not match the history. */
class MigrationFailureAnalyzer extends AbstractFailureAnalyzer<MigrationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MigrationException cause) {
        return new FailureAnalysis(
                "data-bridge's migrations did not run to the end: " + cause.getMessage(),
                "Fix the script or the history the message names, then start again. To start without migrating, set"
                        + " data-bridge.migrations.enabled=false.",
                cause);
    }
}
