package io.databridge.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names data-bridge's statement observations and chooses their tags. Implement it (or extend {@link
 * DefaultStatementObservationConvention}) and register it with {@code DataBridge.Builder.observationConvention} (or as
 * a bean under Spring Boot) to rename the metric or add tags.
 */
public interface StatementObservationConvention extends ObservationConvention<StatementObservationContext> {

    @Override
    default boolean supportsContext(Observation.Context context) {
        return context instanceof StatementObservationContext;
    }
}
