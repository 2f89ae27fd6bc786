package io.databridge.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the SQL of every statement an engine built with {@link #registry()} runs, for tests that count them. */
public final class StatementRecorder implements ObservationHandler<StatementObservationContext> {

    private final List<String> statements = new CopyOnWriteArrayList<>();
    private final ObservationRegistry registry = ObservationRegistry.create();

    /** Creates a recorder with its own registry. */
    public StatementRecorder() {
        registry.observationConfig().observationHandler(this);
    }

    /**
     * The registry to build the engine with ({@code DataBridge.builder(...).observationRegistry(...)}).
     *
     * @return the registry
     */
    public ObservationRegistry registry() {
        return registry;
    }

    /**
     * The statements run so far, in order; clear it to start counting.
     *
     * @return the live list
     */
    public List<String> statements() {
        return statements;
    }

    @Override
    public void onStart(StatementObservationContext context) {
        statements.add(context.sql());
    }

    @Override
    public boolean supportsContext(Observation.Context context) {
        return context instanceof StatementObservationContext;
    }
}
