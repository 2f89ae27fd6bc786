package io.databridge.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a bad {@code data-bridge.*} value at startup: which property, which rule, and where to fix it. */
final class InvalidDataBridgePropertyFailureAnalyzer
        extends AbstractFailureAnalyzer<InvalidDataBridgePropertyException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidDataBridgePropertyException cause) {
        String property = cause.getProperty();
        if (cause.isUnknown()) {
            return new FailureAnalysis(
                    "Unknown data-bridge configuration: " + cause.getMessage(),
                    "Rename or remove " + property + ". Every data-bridge property is listed in docs/configuration.md"
                            + " (and offered by the IDE from data-bridge's configuration metadata).",
                    cause);
        }
        String variable =
                property.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
        return new FailureAnalysis(
                "Invalid data-bridge configuration: " + cause.getMessage(),
                "Set " + property + " to a valid value in application.yml or application.properties, or with the"
                        + " environment variable " + variable + ".",
                cause);
    }
}
