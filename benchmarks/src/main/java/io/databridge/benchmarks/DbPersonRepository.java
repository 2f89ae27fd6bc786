package io.databridge.benchmarks;

import io.databridge.repository.PgRepository;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/** The derived queries of scenarios 10 to 12, compiled by data-bridge at startup. */
public interface DbPersonRepository extends PgRepository<DbPerson, Long> {

    /** Scenario 10: 20 entities ({@code age = 42}, ids below 2,000). */
    List<DbPerson> findByAgeAndIdLessThanOrderByIdAsc(int age, Long id);

    /** Scenario 11: the same rows into a record. */
    List<PersonRow> findRowsByAgeAndIdLessThanOrderByIdAsc(int age, Long id);

    /** Scenario 12: a page with its {@code Sort} from the {@code Pageable}, plus the count. */
    Page<DbPerson> findByAgeBetween(int from, int to, Pageable pageable);
}
