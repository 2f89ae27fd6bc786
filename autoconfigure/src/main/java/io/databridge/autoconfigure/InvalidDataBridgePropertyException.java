package io.databridge.autoconfigure;

/**
 * A {@code data-bridge.*} property has a value data-bridge cannot use. The message names the property, the rule and
 * the offending value (never a password): {@code data-bridge.datasource.pool.maximum-size must be >= 1 but was 0}.
 */
public class InvalidDataBridgePropertyException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final String property;

    private final boolean unknown;

    /**
     * Creates the exception.
     *
     * @param property the property name, e.g. {@code data-bridge.datasource.pool.maximum-size}
     * @param message the message
     */
    public InvalidDataBridgePropertyException(String property, String message) {
        this(property, message, false);
    }

    InvalidDataBridgePropertyException(String property, String message, boolean unknown) {
        super(message);
        this.property = property;
        this.unknown = unknown;
    }

    /**
     * Whether the property is not a data-bridge property at all (misspelled or misplaced), rather than a known one
     * with a bad value.
     *
     * @return {@code true} for an unknown key
     */
    public boolean isUnknown() {
        return unknown;
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
