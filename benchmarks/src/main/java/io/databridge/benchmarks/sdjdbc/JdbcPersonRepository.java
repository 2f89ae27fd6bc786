package io.databridge.benchmarks.sdjdbc;

import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.PagingAndSortingRepository;

/** Derived queries, as a Spring Data JDBC user writes them. */
public interface JdbcPersonRepository
        extends ListCrudRepository<JdbcPerson, Long>, PagingAndSortingRepository<JdbcPerson, Long> {
    List<JdbcPerson> findByAgeBetweenOrderByIdAsc(int from, int to);

    Page<JdbcPerson> findByAgeBetween(int from, int to, Pageable pageable);

    long countByAgeBetween(int from, int to);
}
