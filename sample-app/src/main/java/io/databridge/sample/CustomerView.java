package io.databridge.sample;

/**
 * An interface projection of a customer: data-bridge implements it with a proxy over the selected columns ({@code
 * id}, {@code email}, {@code active}); default methods compute from them.
 */
public interface CustomerView {

    /**
     * The id, from column {@code id}.
     *
     * @return the id
     */
    Long getId();

    /**
     * The email, from column {@code email}.
     *
     * @return the email
     */
    String getEmail();

    /**
     * Whether the customer is active, from column {@code active}.
     *
     * @return {@code true} when active
     */
    boolean isActive();

    /**
     * A display label computed from the projected values.
     *
     * @return {@code id:email}
     */
    default String getLabel() {
        return getId() + ":" + getEmail();
    }
}
