package io.databridge.benchmarks;

import static io.databridge.benchmarks.BenchDatabase.AGE_FROM;
import static io.databridge.benchmarks.BenchDatabase.AGE_TO;
import static io.databridge.benchmarks.BenchDatabase.check;

import io.databridge.benchmarks.jpa.JpaNewPerson;
import io.databridge.benchmarks.jpa.JpaNewPersonRepository;
import io.databridge.benchmarks.jpa.JpaPerson;
import io.databridge.benchmarks.jpa.JpaPersonRepository;
import io.databridge.benchmarks.jpa.SpringDataJpaConfiguration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Spring Data JPA repositories over Hibernate 7, in a plain Spring context (no Boot): the natural use, a merge for updates and IDENTITY ids. */
public class JpaBenchmark extends BenchmarkBase {

    private AnnotationConfigApplicationContext context;
    private JpaPersonRepository people;
    private JpaNewPersonRepository newPeople;
    private TransactionTemplate transactions;
    private JpaPerson updated;

    @Override
    protected void init() {
        context = new AnnotationConfigApplicationContext();
        context.registerBean(DataSource.class, () -> dataSource);
        context.register(SpringDataJpaConfiguration.class);
        context.refresh();
        people = context.getBean(JpaPersonRepository.class);
        newPeople = context.getBean(JpaNewPersonRepository.class);
        transactions = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        updated = people.findById(BenchDatabase.UPDATE_ID).orElseThrow();
    }

    @Override
    protected void close() {
        context.close();
    }

    @Benchmark
    public JpaPerson s1_findById() {
        JpaPerson person = people.findById(BenchDatabase.FIND_ID).orElseThrow();
        check(person.id == BenchDatabase.FIND_ID, "s1 id");
        return person;
    }

    @Benchmark
    public List<JpaPerson> s2_select1000() {
        List<JpaPerson> list = people.findByAgeBetweenOrderByIdAsc(AGE_FROM, AGE_TO);
        check(list.size() == BenchDatabase.LIST_ROWS, "s2 rows");
        return list;
    }

    @Benchmark
    public List<JpaNewPerson> s3_insert1000() {
        return insert(BenchDatabase.INSERT_ROWS);
    }

    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public List<JpaNewPerson> s4_insert100k() {
        return insert(bulkRows);
    }

    private List<JpaNewPerson> insert(int count) {
        List<JpaNewPerson> input = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            input.add(new JpaNewPerson(BenchDatabase.email(i), "new", i % 100, true));
        }
        List<JpaNewPerson> stored = newPeople.saveAll(input);
        check(stored.size() == count && stored.get(count - 1).id != null, "s3/s4 ids");
        return stored;
    }

    @Benchmark
    public JpaPerson s5_updateById() {
        long before = updated.version;
        // A changed value every time: Hibernate skips the UPDATE of an entity that is not dirty.
        updated.name = "renamed " + before % 2;
        updated = people.save(updated);
        check(updated.version == before + 1, "s5 version");
        return updated;
    }

    @Benchmark
    public Page<JpaPerson> s6_pageWithCount() {
        Page<JpaPerson> page = people.findByAgeBetween(
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
        Long id = transactions.execute(status -> {
            JpaPerson read = people.findById(BenchDatabase.TX_READ_ID).orElseThrow();
            JpaPerson changed = people.findById(BenchDatabase.TX_UPDATE_ID).orElseThrow();
            changed.name = "tx " + read.id;
            people.save(changed);
            JpaNewPerson inserted = newPeople.save(new JpaNewPerson("tx@example.com", "tx", 1, true));
            check(people.countByAgeBetween(AGE_FROM, AGE_TO) == BenchDatabase.LIST_ROWS, "s7 count");
            return inserted.id;
        });
        check(id != null, "s7 id");
        return id;
    }
}
