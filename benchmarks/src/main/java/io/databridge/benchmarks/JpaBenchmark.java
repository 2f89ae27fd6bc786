package io.databridge.benchmarks;

import io.databridge.benchmarks.jpa.JpaNewPerson;
import io.databridge.benchmarks.jpa.JpaNewPersonRepository;
import io.databridge.benchmarks.jpa.JpaPerson;
import io.databridge.benchmarks.jpa.JpaPersonRepository;
import io.databridge.benchmarks.jpa.SpringDataJpaConfiguration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.ListCrudRepository;

/** Spring Data JPA repositories over Hibernate 7: a merge for updates and IDENTITY ids. The scenarios are {@link SpringDataBenchmark}'s. */
public class JpaBenchmark extends SpringDataBenchmark<JpaPerson, JpaNewPerson> {

    private JpaPersonRepository repository;

    @Override
    protected Class<?> configuration() {
        return SpringDataJpaConfiguration.class;
    }

    @Override
    protected ListCrudRepository<JpaPerson, Long> people(AnnotationConfigApplicationContext context) {
        repository = context.getBean(JpaPersonRepository.class);
        return repository;
    }

    @Override
    protected ListCrudRepository<JpaNewPerson, Long> newPeople(AnnotationConfigApplicationContext context) {
        return context.getBean(JpaNewPersonRepository.class);
    }

    @Override
    protected List<JpaPerson> findByAgeBetweenOrderByIdAsc(int from, int to) {
        return repository.findByAgeBetweenOrderByIdAsc(from, to);
    }

    @Override
    protected Page<JpaPerson> findByAgeBetween(int from, int to, Pageable pageable) {
        return repository.findByAgeBetween(from, to, pageable);
    }

    @Override
    protected long countByAgeBetween(int from, int to) {
        return repository.countByAgeBetween(from, to);
    }

    @Override
    protected long id(JpaPerson person) {
        return person.id;
    }

    @Override
    protected long version(JpaPerson person) {
        return person.version;
    }

    @Override
    protected void rename(JpaPerson person, String name) {
        person.name = name;
    }

    @Override
    protected JpaNewPerson newPerson(String email, String name, int age, boolean active) {
        return new JpaNewPerson(email, name, age, active);
    }

    @Override
    protected @Nullable Long newId(JpaNewPerson person) {
        return person.id;
    }
}
