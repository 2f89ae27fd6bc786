package io.databridge.autoconfigure;

import io.databridge.repository.RepositoryDefinitionException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a repository method data-bridge cannot implement. */
final class RepositoryDefinitionFailureAnalyzer extends AbstractFailureAnalyzer<RepositoryDefinitionException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, RepositoryDefinitionException cause) {
        return new FailureAnalysis(
                "data-bridge cannot implement a repository method: " + cause.getMessage(),
                "Change " + cause.getRepositoryInterface().getName() + "."
                        + cause.getMethod().getName() + " as the hint in parentheses says, or remove the method.",
                cause);
    }
}
