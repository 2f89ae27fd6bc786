package io.databridge.benchmarks;

import static io.databridge.benchmarks.BenchDatabase.AGE_FROM;
import static io.databridge.benchmarks.BenchDatabase.AGE_TO;
import static io.databridge.benchmarks.BenchDatabase.check;

import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The scenarios of the Spring Data modules, written once: each module's repositories in a plain Spring context (no
 * Boot), used the natural way (derived queries, {@code save}, {@code saveAll}). A subclass names its configuration,
 * its repositories and how its entities are read and built.
 *
 * @param <P> the entity of {@code person}
 * @param <N> the entity of {@code person_insert}
 */
public abstract class SpringDataBenchmark<P, N> extends BenchmarkBase {

    private AnnotationConfigApplicationContext context;
    private ListCrudRepository<P, Long> people;
    private ListCrudRepository<N, Long> newPeople;
    private TransactionTemplate transactions;
    private P updated;

    /** The {@code @Configuration} that enables the module's repositories over the context's {@link DataSource}. */
    protected abstract Class<?> configuration();

    /** The repository of {@code person} in {@code context}. */
    protected abstract ListCrudRepository<P, Long> people(AnnotationConfigApplicationContext context);

    /** The repository of {@code person_insert} in {@code context}. */
    protected abstract ListCrudRepository<N, Long> newPeople(AnnotationConfigApplicationContext context);

    /** The derived query {@code findByAgeBetweenOrderByIdAsc}. */
    protected abstract List<P> findByAgeBetweenOrderByIdAsc(int from, int to);

    /** The derived query {@code findByAgeBetween(.., Pageable)}. */
    protected abstract Page<P> findByAgeBetween(int from, int to, Pageable pageable);

    /** The derived query {@code countByAgeBetween}. */
    protected abstract long countByAgeBetween(int from, int to);

    /** The id of a read person. */
    protected abstract long id(P person);

    /** The version of a read person. */
    protected abstract long version(P person);

    /** Changes the name of a person. */
    protected abstract void rename(P person, String name);

    /** A new, unsaved person. */
    protected abstract N newPerson(String email, String name, int age, boolean active);

    /** The generated id of a stored new person, {@code null} when the library did not set it. */
    protected abstract @Nullable Long newId(N person);

    @Override
    protected final void init() {
        context = new AnnotationConfigApplicationContext();
        context.registerBean(DataSource.class, () -> dataSource);
        context.register(configuration());
        context.refresh();
        people = people(context);
        newPeople = newPeople(context);
        transactions = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        updated = people.findById(BenchDatabase.UPDATE_ID).orElseThrow();
    }

    @Override
    protected final void close() {
        context.close();
    }

    @Benchmark
    public P s1_findById() {
        P person = people.findById(BenchDatabase.FIND_ID).orElseThrow();
        check(id(person) == BenchDatabase.FIND_ID, "s1 id");
        return person;
    }

    @Benchmark
    public List<P> s2_select1000() {
        List<P> list = findByAgeBetweenOrderByIdAsc(AGE_FROM, AGE_TO);
        check(list.size() == BenchDatabase.LIST_ROWS, "s2 rows");
        return list;
    }

    @Benchmark
    public List<N> s3_insert1000() {
        return insert(BenchDatabase.INSERT_ROWS);
    }

    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public List<N> s4_insert100k(EmptyInsertTable table) {
        return insert(bulkRows);
    }

    private List<N> insert(int count) {
        List<N> input = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            input.add(newPerson(BenchDatabase.email(i), "new", i % 100, true));
        }
        List<N> stored = newPeople.saveAll(input);
        check(stored.size() == count && newId(stored.get(count - 1)) != null, "s3/s4 ids");
        return stored;
    }

    @Benchmark
    public P s5_updateById() {
        long before = version(updated);
        // A changed value every time: Hibernate skips the UPDATE of an entity that is not dirty.
        rename(updated, "renamed " + before % 2);
        updated = people.save(updated);
        check(version(updated) == before + 1, "s5 version");
        return updated;
    }

    @Benchmark
    public Page<P> s6_pageWithCount() {
        Page<P> page = findByAgeBetween(
                AGE_FROM,
                AGE_TO,
                PageRequest.of(BenchDatabase.PAGE_NUMBER, BenchDatabase.PAGE_SIZE, Sort.by("name", "id")));
        check(
                page.getNumberOfElements() == BenchDatabase.PAGE_SIZE
                        && page.getTotalElements() == BenchDatabase.LIST_ROWS,
                "s6 page");
        return page;
    }

    @Benchmark
    public Long s7_transaction() {
        @Nullable
        Long id = transactions.execute(status -> {
            P read = people.findById(BenchDatabase.TX_READ_ID).orElseThrow();
            P changed = people.findById(BenchDatabase.TX_UPDATE_ID).orElseThrow();
            rename(changed, "tx " + id(read));
            people.save(changed);
            N inserted = newPeople.save(newPerson("tx@example.com", "tx", 1, true));
            check(countByAgeBetween(AGE_FROM, AGE_TO) == BenchDatabase.LIST_ROWS, "s7 count");
            return newId(inserted);
        });
        check(id != null, "s7 id");
        return id;
    }
}
