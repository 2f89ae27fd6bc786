package io.databridge.autoconfigure;

/**
 * A {@code data-bridge.*} property has a value data-bridge cannot use. The message names the property, the rule and
 * the offending value (never a password): {@code data-bridge.datasource.pool.maximum-size must be >= 1 but was 0}.
 */
public class InvalidDataBridgePropertyException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final String property;

    /**
     * Creates the exception.
     *
     * @param property the property name, e.g. {@code data-bridge.datasource.pool.maximum-size}
     * @param message the message
     */
    public InvalidDataBridgePropertyException(String property, String message) {
        super(message);
        this.property = property;
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
