package io.databridge.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.autoconfigure.OverrideAutoConfiguration;
import org.springframework.boot.test.context.filter.annotation.TypeExcludeFilters;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.BootstrapWith;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import org.springframework.transaction.annotation.Transactional;

/**
 * A test of the data layer only, like Spring Boot's {@code @DataJdbcTest}: the context holds data-bridge's beans
 * ({@code DataBridge}, the pool, the transaction manager, {@code JdbcTemplate}) and the application's repositories,
 * but no controllers, services or other components. The database is the real PostgreSQL that
 * {@code data-bridge-test-database} resolves (env URL, localhost:5432, Testcontainers, embedded), in a schema created
 * for the test context and dropped when it closes; the application's own URL is not used. Each test runs in a
 * transaction that is rolled back at its end. The data source records the statements it runs: inject {@code
 * StatementRecorder} to assert on them (see {@link AutoConfigureStatementRecorder}).
 *
 * <pre>{@code
 * @DataBridgeTest
 * class UserRepositoryTest {
 *     @Autowired UserRepository users;
 *     @Autowired DataBridge db;
 *
 *     @BeforeEach
 *     void schema() { db.schema().create(User.class); }
 *
 *     @Test
 *     void findsByEmail() { ... }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@BootstrapWith(DataBridgeTestContextBootstrapper.class)
@ExtendWith(SpringExtension.class)
@OverrideAutoConfiguration(enabled = false)
@TypeExcludeFilters(DataBridgeTypeExcludeFilter.class)
@Transactional
@AutoConfigureStatementRecorder
@ImportAutoConfiguration
public @interface DataBridgeTest {

    /**
     * Properties in {@code key=value} form added to the environment before the test runs.
     *
     * @return the properties
     */
    String[] properties() default {};

    /**
     * Auto-configuration classes to leave out of this test.
     *
     * @return the auto-configurations to exclude
     */
    @AliasFor(annotation = ImportAutoConfiguration.class, attribute = "exclude")
    Class<?>[] excludeAutoConfiguration() default {};
}
