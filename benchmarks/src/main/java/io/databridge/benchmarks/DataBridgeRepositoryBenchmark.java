package io.databridge.benchmarks;

import static io.databridge.benchmarks.BenchDatabase.AGE_FROM;
import static io.databridge.benchmarks.BenchDatabase.AGE_TO;
import static io.databridge.benchmarks.BenchDatabase.check;

import io.databridge.DataBridge;
import io.databridge.repository.PgRepositoryFactory;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/** data-bridge's repositories: derived queries, compiled once at startup, called the way a service calls them. */
public class DataBridgeRepositoryBenchmark extends BenchmarkBase {

    private DbPersonRepository people;

    @Override
    protected void init() {
        people = new PgRepositoryFactory(DataBridge.create(dataSource)).create(DbPersonRepository.class);
    }

    @Benchmark
    public List<DbPerson> s10_derived20() {
        List<DbPerson> rows =
                people.findByAgeAndIdLessThanOrderByIdAsc(BenchDatabase.DERIVED_AGE, BenchDatabase.DERIVED_ID_BELOW);
        check(rows.size() == BenchDatabase.DERIVED_ROWS, "s10 rows");
        return rows;
    }

    @Benchmark
    public List<PersonRow> s11_derived20Record() {
        List<PersonRow> rows = people.findRowsByAgeAndIdLessThanOrderByIdAsc(
                BenchDatabase.DERIVED_AGE, BenchDatabase.DERIVED_ID_BELOW);
        check(rows.size() == BenchDatabase.DERIVED_ROWS, "s11 rows");
        return rows;
    }

    @Benchmark
    public Page<DbPerson> s12_derivedPageSorted() {
        // A new PageRequest per call, as a controller builds one from each HTTP request.
        Page<DbPerson> page = people.findByAgeBetween(
                AGE_FROM,
                AGE_TO,
                PageRequest.of(BenchDatabase.PAGE_NUMBER, BenchDatabase.PAGE_SIZE, Sort.by("name", "id")));
        check(
                page.getContent().size() == BenchDatabase.PAGE_SIZE
                        && page.getTotalElements() == BenchDatabase.LIST_ROWS,
                "s12 page");
        return page;
    }
}
