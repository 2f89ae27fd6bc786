package io.databridge.sample;

/** An order that breaks the shop's own rules (a total that is not positive); the controller answers 400. */
public class InvalidOrderException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong with the order
     */
    public InvalidOrderException(String message) {
        super(message);
    }
}
