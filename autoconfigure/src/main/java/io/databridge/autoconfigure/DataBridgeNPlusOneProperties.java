package io.databridge.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The runtime N+1 detector ({@code data-bridge.n-plus-one.*}): a WARN on {@code io.databridge.n-plus-one} and a count
 * on the Micrometer counter {@code data-bridge.n-plus-one} when one read statement runs more than the threshold in one
 * transaction. See docs/observability.md.
 */
@ConfigurationProperties("data-bridge.n-plus-one")
public class DataBridgeNPlusOneProperties {

    /**
     * Whether to look for N+1 in every transaction: when one read statement (the same SQL text, e.g. a findById or a
     * derived query called in a loop) runs more than the threshold, log one WARN per transaction and statement on the
     * io.databridge.n-plus-one logger, naming the fetch that would avoid it, and count it.
     */
    private boolean enabled = true;

    /** How many times one read statement may run in one transaction before it is reported as N+1; at least 1. */
    private int threshold = 10;

    /**
     * Whether the detector is on.
     *
     * @return {@code true} by default
     */
    public boolean isEnabled() {
        return enabled;
    }

    /**
     * Turns the detector on or off.
     *
     * @param enabled {@code false} to turn it off
     */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /**
     * How many runs of one read statement a transaction may make.
     *
     * @return the threshold, 10 by default
     */
    public int getThreshold() {
        return threshold;
    }

    /**
     * Sets the threshold.
     *
     * @param threshold at least 1
     */
    public void setThreshold(int threshold) {
        this.threshold = threshold;
    }

    /**
     * The threshold for the engine: 0 (off) when disabled.
     *
     * @return the threshold, or 0
     * @throws InvalidDataBridgePropertyException when the threshold is below 1
     */
    int engineThreshold() {
        if (threshold < 1) {
            throw new InvalidDataBridgePropertyException(
                    "data-bridge.n-plus-one.threshold",
                    "data-bridge.n-plus-one.threshold must be >= 1 but was " + threshold
                            + " (set data-bridge.n-plus-one.enabled=false to turn the detector off)");
        }
        return enabled ? threshold : 0;
    }
}
