package io.databridge.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a bad {@code data-bridge.*} value at startup: which property, which rule, and where to fix it. */
final class InvalidDataBridgePropertyFailureAnalyzer
        extends AbstractFailureAnalyzer<InvalidDataBridgePropertyException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidDataBridgePropertyException cause) {
        String action = cause.action();
        if (action == null) {
            String property = cause.getProperty();
            String variable = property.toUpperCase(java.util.Locale.ROOT)
                    .replace('.', '_')
                    .replace('-', '_');
            action = "Set " + property + " to a valid value in application.yml or application.properties, or with the"
                    + " environment variable " + variable + ".";
        }
        return new FailureAnalysis(cause.title() + ": " + cause.getMessage(), action, cause);
    }
}
