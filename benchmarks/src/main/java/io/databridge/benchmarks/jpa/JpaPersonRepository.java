package io.databridge.benchmarks.jpa;

import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.PagingAndSortingRepository;

/** Derived queries, as a Spring Data JPA user writes them. */
public interface JpaPersonRepository
        extends ListCrudRepository<JpaPerson, Long>, PagingAndSortingRepository<JpaPerson, Long> {
    List<JpaPerson> findByAgeBetweenOrderByIdAsc(int from, int to);

    Page<JpaPerson> findByAgeBetween(int from, int to, Pageable pageable);

    long countByAgeBetween(int from, int to);
}
