package io.databridge.mapping;

import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * An entity class or record cannot be mapped: the message names the class, the property and the fix. Thrown when the
 * model is first built, before any SQL is sent.
 */
public class EntityMappingException extends InvalidDataAccessApiUsageException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong and how to fix it
     */
    public EntityMappingException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what is wrong and how to fix it
     * @param cause the underlying failure
     */
    public EntityMappingException(String message, Throwable cause) {
        super(message, cause);
    }
}
