package io.databridge.sample;

import java.util.List;

/** A fragment: methods implemented by hand in {@link CustomerRepositoryCustomImpl}, merged into the repository. */
public interface CustomerRepositoryCustom {

    /**
     * The most recently created customers.
     *
     * @param limit how many
     * @return the customers, newest first
     */
    List<Customer> newest(int limit);
}
