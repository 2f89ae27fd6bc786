package io.databridge.autoconfigure;

import io.databridge.migration.MigrationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a startup that stopped because the migrations did not apply or do not match the history. */
class MigrationFailureAnalyzer extends AbstractFailureAnalyzer<MigrationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MigrationException cause) {
        String message = String.valueOf(cause.getMessage());
        if (message.startsWith("The migration location ")) {
            return new FailureAnalysis(
                    "data-bridge's migrations did not run: " + message,
                    "Fix data-bridge.migrations.locations (a classpath: location is a directory under"
                            + " src/main/resources), create the directory, or remove the property to use"
                            + " classpath:db/migration. To start without migrating, set"
                            + " data-bridge.migrations.enabled=false.",
                    cause);
        }
        return new FailureAnalysis(
                "data-bridge's migrations did not run to the end: " + cause.getMessage(),
                "Fix the script or the history the message names, then start again. To start without migrating, set"
                        + " data-bridge.migrations.enabled=false.",
                cause);
    }
}
