package io.databridge.benchmarks.aggregate.jpa;

import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** The orders' queries as a Spring Data JPA user writes them for an aggregate read. */
public interface JpaAggOrderRepository extends JpaRepository<JpaAggOrder, Long> {

    /**
     * Scenario 17 in one statement: {@code JOIN FETCH} of the to-one and the lines (the 1,000 joined rows are
     * de-duplicated by Hibernate 6+ without {@code DISTINCT}; the lines' {@code @OrderBy} adds their order).
     */
    @Query("select o from JpaAggOrder o left join fetch o.customer left join fetch o.lines"
            + " where o.id <= :last order by o.id")
    List<JpaAggOrder> findWithCustomerAndLinesUpTo(@Param("last") long last);

    /**
     * The ids of a page (with its count query): paging the roots first keeps Hibernate from paging a collection
     * fetch in memory (HHH000104).
     */
    @Query(value = "select o.id from JpaAggOrder o", countQuery = "select count(o) from JpaAggOrder o")
    Page<Long> findPageOfIds(Pageable pageable);

    /** The orders of a page with their lines, in one statement. */
    @Query("select o from JpaAggOrder o left join fetch o.lines where o.id in :ids order by o.id")
    List<JpaAggOrder> findWithLinesByIdIn(@Param("ids") Collection<Long> ids);
}
