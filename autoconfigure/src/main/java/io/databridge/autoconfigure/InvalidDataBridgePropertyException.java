package io.databridge.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * A {@code data-bridge.*} property has a value data-bridge cannot use. The message names the property, the rule and
 * the offending value (never a password): {@code data-bridge.datasource.pool.maximum-size must be >= 1 but was 0}.
 */
public class InvalidDataBridgePropertyException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final String property;

    private final String title;

    private final @Nullable String action;

    /**
     * Creates the exception.
     *
     * @param property the property name, e.g. {@code data-bridge.datasource.pool.maximum-size}
     * @param message the message
     */
    public InvalidDataBridgePropertyException(String property, String message) {
        this(property, message, "Invalid data-bridge configuration", null);
    }

    /**
     * Creates the exception with its own failure-analysis title and action.
     *
     * @param property the property name
     * @param message the message
     * @param title what kind of problem, e.g. {@code Unknown data-bridge configuration}
     * @param action what to do, or {@code null} for the default (set the property to a valid value)
     */
    InvalidDataBridgePropertyException(String property, String message, String title, @Nullable String action) {
        super(message);
        this.property = property;
        this.title = title;
        this.action = action;
    }

    String title() {
        return title;
    }

    @Nullable
    String action() {
        return action;
    }

    /**
     * The property with the bad value.
     *
     * @return the property name
     */
    public String getProperty() {
        return property;
    }
}
