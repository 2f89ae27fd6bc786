/**
 * Repositories: interfaces extending {@link io.databridge.repository.PgRepository}, implemented by data-bridge at
 * startup as JDK dynamic proxies. Every method is compiled once, when the proxy is created: CRUD methods run the
 * entity's precomputed SQL, {@link io.databridge.repository.Query @Query} methods are parsed and checked against their
 * parameters and return type, and fragment interfaces are bound to their implementations. A method that cannot be
 * implemented fails creation with {@code Interface.method(Params): problem (hint)}.
 *
 * <p>This package needs only spring-core, spring-tx and spring-data-commons (for {@code Pageable}, {@code Sort},
 * {@code Page}, {@code Slice}); finding repository interfaces and registering them as beans is Spring Boot's part, in
 * {@code data-bridge-spring-boot-autoconfigure}.
 */
@NullMarked
package io.databridge.repository;

import org.jspecify.annotations.NullMarked;
