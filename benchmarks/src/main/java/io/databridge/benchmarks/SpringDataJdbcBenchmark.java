package io.databridge.benchmarks;

import io.databridge.benchmarks.sdjdbc.JdbcNewPerson;
import io.databridge.benchmarks.sdjdbc.JdbcNewPersonRepository;
import io.databridge.benchmarks.sdjdbc.JdbcPerson;
import io.databridge.benchmarks.sdjdbc.JdbcPersonRepository;
import io.databridge.benchmarks.sdjdbc.SpringDataJdbcConfiguration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.ListCrudRepository;

/** Spring Data JDBC repositories with derived queries. The scenarios are {@link SpringDataBenchmark}'s. */
public class SpringDataJdbcBenchmark extends SpringDataBenchmark<JdbcPerson, JdbcNewPerson> {

    private JdbcPersonRepository repository;

    @Override
    protected Class<?> configuration() {
        return SpringDataJdbcConfiguration.class;
    }

    @Override
    protected ListCrudRepository<JdbcPerson, Long> people(AnnotationConfigApplicationContext context) {
        repository = context.getBean(JdbcPersonRepository.class);
        return repository;
    }

    @Override
    protected ListCrudRepository<JdbcNewPerson, Long> newPeople(AnnotationConfigApplicationContext context) {
        return context.getBean(JdbcNewPersonRepository.class);
    }

    @Override
    protected List<JdbcPerson> findByAgeBetweenOrderByIdAsc(int from, int to) {
        return repository.findByAgeBetweenOrderByIdAsc(from, to);
    }

    @Override
    protected Page<JdbcPerson> findByAgeBetween(int from, int to, Pageable pageable) {
        return repository.findByAgeBetween(from, to, pageable);
    }

    @Override
    protected long countByAgeBetween(int from, int to) {
        return repository.countByAgeBetween(from, to);
    }

    @Override
    protected long id(JdbcPerson person) {
        return person.id;
    }

    @Override
    protected long version(JdbcPerson person) {
        return person.version;
    }

    @Override
    protected void rename(JdbcPerson person, String name) {
        person.name = name;
    }

    @Override
    protected JdbcNewPerson newPerson(String email, String name, int age, boolean active) {
        return new JdbcNewPerson(email, name, age, active);
    }

    @Override
    protected @Nullable Long newId(JdbcNewPerson person) {
        return person.id;
    }
}
