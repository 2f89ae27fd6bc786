package io.databridge.repository;

import io.databridge.fixtures.User;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;

/** A repository with a derived query of every keyword family. */
public interface UserRepository extends PgRepository<User, Long> {

    Optional<User> findByEmail(String email);

    User getByEmail(String email);

    User findByName(String name);

    List<User> findByAgeGreaterThanOrderByNameAsc(int age);

    List<User> findByAgeLessThanEqual(Integer age);

    List<User> findByAgeGreaterThanEqualAndAgeLessThan(int low, int high);

    List<User> findByCreatedAtBefore(Instant instant);

    List<User> findByCreatedAtAfter(Instant instant);

    List<User> findByAgeBetweenOrderByAgeDesc(int low, int high);

    List<User> findByNameIn(Collection<String> names);

    List<User> findByAgeNotIn(Integer... ages);

    List<User> findByNameLike(String pattern);

    List<User> findByNameNotLike(String pattern);

    List<User> findByEmailStartingWith(String prefix);

    List<User> findByEmailEndingWith(String suffix);

    List<User> findByNameContaining(String part);

    List<User> findByNameNotContaining(String part);

    List<User> findByNameIgnoreCase(String name);

    List<User> findByNameContainingIgnoreCase(String part);

    List<User> findByNameAndEmailAllIgnoreCase(String name, String email);

    List<User> findByNameRegex(String regex);

    List<User> findByAgeIsNull();

    List<User> findByAgeIsNotNull();

    List<User> findByActiveTrue();

    List<User> findByActiveFalse();

    List<User> findByNameNot(String name);

    List<User> findByNameOrAgeGreaterThan(String name, int age);

    List<User> findByActiveTrueAndAgeLessThanOrNameStartingWith(int age, String prefix);

    Optional<User> findFirstByOrderByAgeDesc();

    List<User> findTop2ByActiveTrueOrderByAgeAsc();

    List<User> findDistinctByActiveTrue();

    List<NameOnly> findDistinctNameByActiveTrueOrderByNameAsc();

    List<NameAndAge> findByAgeGreaterThan(int age, Sort sort);

    Page<User> findByActive(boolean active, Pageable pageable);

    Slice<User> findSliceByActive(boolean active, Pageable pageable);

    Page<NameAndAge> findProjectedByActiveTrue(Pageable pageable);

    Stream<User> streamByActiveTrueOrderByIdAsc();

    List<User> findAllByOrderByEmailAsc();

    long countByAgeLessThan(int age);

    int countByActiveTrue();

    boolean existsByEmail(String email);

    long deleteByActiveFalse();

    void deleteByEmail(String email);

    List<User> removeByAgeGreaterThan(int age);

    /** A record projection. */
    record NameOnly(String name) {}

    /** A record projection of two properties. */
    record NameAndAge(String name, Integer age) {}
}
