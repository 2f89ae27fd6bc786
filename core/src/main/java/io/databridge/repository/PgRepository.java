package io.databridge.repository;

import io.databridge.query.SelectQuery;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * A repository of one entity type: extend it with an interface and data-bridge implements it.
 *
 * <pre>{@code
 * public interface UserRepository extends PgRepository<User, Long> {
 *     @Query("SELECT * FROM users WHERE email ILIKE :pattern ORDER BY id")
 *     List<User> search(@Param("pattern") String pattern);
 * }
 * }</pre>
 *
 * <p>Every method joins the caller's Spring transaction. Methods that write several rows ({@code saveAll},
 * {@code insertAll}, {@code deleteAll(Iterable)}, {@code deleteAllById}) run in the caller's transaction or, without one,
 * in their own, so they are all or nothing. Sort keys are resolved against the entity's Java property names; an
 * unknown key is rejected with an {@link org.springframework.dao.InvalidDataAccessApiUsageException} and never reaches
 * SQL. Implementations are thread-safe.
 *
 * @param <T> the entity type (a {@code @Table} class or record)
 * @param <ID> the type of its {@code @Id}
 */
public interface PgRepository<T, ID> {

    /**
     * Inserts a new entity or updates a stored one (see {@link io.databridge.DataBridge#save(Object)}).
     *
     * @param entity the entity
     * @param <S> the entity type
     * @return the stored entity
     */
    <S extends T> S save(S entity);

    /**
     * Saves entities, all or nothing.
     *
     * @param entities the entities
     * @param <S> the entity type
     * @return the stored entities, in input order
     */
    <S extends T> List<S> saveAll(Iterable<S> entities);

    /**
     * Inserts an entity.
     *
     * @param entity the entity
     * @param <S> the entity type
     * @return the stored entity, with generated values
     * @throws org.springframework.dao.DuplicateKeyException when a unique key exists
     */
    <S extends T> S insert(S entity);

    /**
     * Inserts entities, all or nothing.
     *
     * @param entities the entities
     * @param <S> the entity type
     * @return the stored entities, in input order
     */
    <S extends T> List<S> insertAll(Iterable<S> entities);

    /**
     * Updates an entity by id.
     *
     * @param entity the entity
     * @param <S> the entity type
     * @return the stored entity
     * @throws org.springframework.dao.OptimisticLockingFailureException when its version is stale
     */
    <S extends T> S update(S entity);

    /**
     * Reads the entity with the given id.
     *
     * @param id the id
     * @return the entity, or empty
     */
    Optional<T> findById(ID id);

    /**
     * Whether a row has the given id.
     *
     * @param id the id
     * @return {@code true} when it exists
     */
    boolean existsById(ID id);

    /**
     * Reads every row, ordered by id.
     *
     * @return the entities
     */
    List<T> findAll();

    /**
     * Reads every row in the given order.
     *
     * @param sort the order; its keys are property names of the entity
     * @return the entities
     * @throws org.springframework.dao.InvalidDataAccessApiUsageException when a sort key is not a property
     */
    List<T> findAll(Sort sort);

    /**
     * Reads one page, ordered by the pageable's sort (by id when it has none, so pages are stable), with the total.
     *
     * @param pageable the page request
     * @return the page
     * @throws org.springframework.dao.InvalidDataAccessApiUsageException when a sort key is not a property
     */
    Page<T> findAll(Pageable pageable);

    /**
     * Reads the entities with the given ids, in id order; missing ids are skipped.
     *
     * @param ids the ids
     * @return the entities found
     */
    List<T> findAllById(Iterable<ID> ids);

    /**
     * Counts the rows.
     *
     * @return the number of rows
     */
    long count();

    /**
     * Deletes an entity (by id and, when it has one, version).
     *
     * @param entity the entity
     * @throws org.springframework.dao.OptimisticLockingFailureException when its version is stale
     */
    void delete(T entity);

    /**
     * Deletes the row with the given id.
     *
     * @param id the id
     * @return whether a row was deleted
     */
    boolean deleteById(ID id);

    /** Deletes every row of the entity's table. */
    void deleteAll();

    /**
     * Deletes entities, all or nothing.
     *
     * @param entities the entities
     */
    void deleteAll(Iterable<? extends T> entities);

    /**
     * Deletes the rows with the given ids.
     *
     * @param ids the ids
     */
    void deleteAllById(Iterable<? extends ID> ids);

    /**
     * Starts a query DSL query over this repository's entity: {@code users.query().where(User_.age.gt(25)).list()}.
     *
     * @return a new, immutable query selecting every column of the entity
     */
    SelectQuery<T> query();
}
