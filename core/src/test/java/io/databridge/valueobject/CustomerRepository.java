package io.databridge.valueobject;

import io.databridge.repository.PgRepository;
import java.util.List;

public interface CustomerRepository extends PgRepository<Customer, Long> {

    List<Customer> findByAddressCity(String city);

    long countByBillingGeoLatGreaterThan(Double lat);
}
