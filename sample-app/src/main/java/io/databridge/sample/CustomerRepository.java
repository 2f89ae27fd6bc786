package io.databridge.sample;

import io.databridge.repository.Modifying;
import io.databridge.repository.Param;
import io.databridge.repository.PgRepository;
import io.databridge.repository.Query;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;

/**
 * Customers: CRUD from {@link PgRepository}, SQL queries, derived queries, projections, and the {@link
 * CustomerRepositoryCustom} fragment.
 */
public interface CustomerRepository extends PgRepository<Customer, Long>, CustomerRepositoryCustom {

    @Query("SELECT * FROM customers WHERE email ILIKE :pattern ORDER BY id")
    List<Customer> search(@Param("pattern") String pattern);

    @Query("SELECT * FROM customers WHERE email = :email")
    Optional<Customer> findOneByEmail(@Param("email") String email);

    @Query("SELECT * FROM customers WHERE active")
    Page<Customer> findActive(Pageable pageable);

    @Query("SELECT * FROM customers ORDER BY id")
    Slice<Customer> slice(Pageable pageable);

    @Query("SELECT id, email FROM customers ORDER BY id")
    List<CustomerSummary> summaries();

    @Query("SELECT id, email, active FROM customers ORDER BY id")
    List<CustomerView> views();

    @Query("SELECT * FROM customers ORDER BY id")
    Stream<Customer> streamAll();

    @Query("SELECT count(*) FROM customers WHERE active")
    long countActive();

    @Modifying
    @Query("UPDATE customers SET active = false WHERE id = :id")
    int deactivate(@Param("id") long id);

    // Derived queries: parsed from the method name at startup and run on the query DSL.

    Optional<Customer> findByEmailIgnoreCase(String email);

    Page<Customer> findByNameContainingIgnoreCase(String part, Pageable pageable);

    List<Customer> findTop3ByActiveTrueOrderByCreatedAtDescIdDesc();

    List<CustomerSummary> findByActiveFalseOrderByIdAsc();

    Page<CustomerView> findViewsByActiveTrue(Pageable pageable);

    Stream<Customer> streamByNameStartingWithOrderByIdAsc(String prefix);

    long countByActiveFalse();

    boolean existsByEmailIgnoreCase(String email);

    long deleteByActiveFalse();
}
