package io.databridge.benchmarks;

import static io.databridge.benchmarks.BenchDatabase.AGE_FROM;
import static io.databridge.benchmarks.BenchDatabase.AGE_TO;
import static io.databridge.benchmarks.BenchDatabase.check;

import io.databridge.benchmarks.sdjdbc.JdbcNewPerson;
import io.databridge.benchmarks.sdjdbc.JdbcNewPersonRepository;
import io.databridge.benchmarks.sdjdbc.JdbcPerson;
import io.databridge.benchmarks.sdjdbc.JdbcPersonRepository;
import io.databridge.benchmarks.sdjdbc.SpringDataJdbcConfiguration;
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

/** Spring Data JDBC repositories with derived queries, in a plain Spring context (no Boot). */
public class SpringDataJdbcBenchmark extends BenchmarkBase {

    private AnnotationConfigApplicationContext context;
    private JdbcPersonRepository people;
    private JdbcNewPersonRepository newPeople;
    private TransactionTemplate transactions;
    private JdbcPerson updated;

    @Override
    protected void init() {
        context = new AnnotationConfigApplicationContext();
        context.registerBean(DataSource.class, () -> dataSource);
        context.register(SpringDataJdbcConfiguration.class);
        context.refresh();
        people = context.getBean(JdbcPersonRepository.class);
        newPeople = context.getBean(JdbcNewPersonRepository.class);
        transactions = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        updated = people.findById(BenchDatabase.UPDATE_ID).orElseThrow();
    }

    @Override
    protected void close() {
        context.close();
    }

    @Benchmark
    public JdbcPerson s1_findById() {
        JdbcPerson person = people.findById(BenchDatabase.FIND_ID).orElseThrow();
        check(person.id == BenchDatabase.FIND_ID, "s1 id");
        return person;
    }

    @Benchmark
    public List<JdbcPerson> s2_select1000() {
        List<JdbcPerson> list = people.findByAgeBetweenOrderByIdAsc(AGE_FROM, AGE_TO);
        check(list.size() == BenchDatabase.LIST_ROWS, "s2 rows");
        return list;
    }

    @Benchmark
    public List<JdbcNewPerson> s3_insert1000() {
        return insert(BenchDatabase.INSERT_ROWS);
    }

    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public List<JdbcNewPerson> s4_insert100k() {
        return insert(bulkRows);
    }

    private List<JdbcNewPerson> insert(int count) {
        List<JdbcNewPerson> input = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            input.add(new JdbcNewPerson(BenchDatabase.email(i), "new", i % 100, true));
        }
        List<JdbcNewPerson> stored = newPeople.saveAll(input);
        check(stored.size() == count && stored.get(count - 1).id != null, "s3/s4 ids");
        return stored;
    }

    @Benchmark
    public JdbcPerson s5_updateById() {
        long before = updated.version;
        // A changed value every time: Hibernate skips the UPDATE of an entity that is not dirty.
        updated.name = "renamed " + before % 2;
        updated = people.save(updated);
        check(updated.version == before + 1, "s5 version");
        return updated;
    }

    @Benchmark
    public Page<JdbcPerson> s6_pageWithCount() {
        Page<JdbcPerson> page = people.findByAgeBetween(
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
            JdbcPerson read = people.findById(BenchDatabase.TX_READ_ID).orElseThrow();
            JdbcPerson changed = people.findById(BenchDatabase.TX_UPDATE_ID).orElseThrow();
            changed.name = "tx " + read.id;
            people.save(changed);
            JdbcNewPerson inserted = newPeople.save(new JdbcNewPerson("tx@example.com", "tx", 1, true));
            check(people.countByAgeBetween(AGE_FROM, AGE_TO) == BenchDatabase.LIST_ROWS, "s7 count");
            return inserted.id;
        });
        check(id != null, "s7 id");
        return id;
    }
}
