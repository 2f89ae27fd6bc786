package io.databridge.error;

import static io.databridge.error.Failures.errorId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import io.databridge.DataBridge;
import io.databridge.fixtures.User;
import io.databridge.testdb.PostgresTest;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * A stale {@code @Version} found by the engine, with sanitizing on (the default): the WARN line under the error id
 * says what failed but never the version the caller sent, which is a bound value.
 */
@PostgresTest
class StaleVersionLogIntegrationTest {

    /** A version no row has, and that no error id or table name can contain by chance. */
    private static final long STALE_VERSION = 987_654_321L;

    @RegisterExtension
    final CapturedLog log = new CapturedLog();

    private final DataBridge db;

    StaleVersionLogIntegrationTest(DataSource dataSource) {
        this.db = DataBridge.create(dataSource);
    }

    @BeforeAll
    static void createTable(DataSource dataSource) {
        DataBridge.create(dataSource).schema().create(User.class);
    }

    @Test
    void aStaleUpdateLogsNoVersionValue() {
        User user = db.insert(new User("stale-update@example.com", "Ada", 36));
        user.version = STALE_VERSION;
        user.name = "late writer";

        OptimisticLockingFailureException failure =
                catchThrowableOfType(OptimisticLockingFailureException.class, () -> db.update(user));

        String errorId = errorId(failure);
        assertThat(log.eventFor(errorId).getLevel()).isEqualTo(Level.WARN);
        assertThat(log.textFor(errorId))
                .contains("update of " + User.class.getName() + " matched no row by id and version")
                .doesNotContain(Long.toString(STALE_VERSION));
    }

    @Test
    void aStaleDeleteLogsNoVersionValue() {
        User user = db.insert(new User("stale-delete@example.com", "Grace", 45));
        user.version = STALE_VERSION;

        OptimisticLockingFailureException failure =
                catchThrowableOfType(OptimisticLockingFailureException.class, () -> db.delete(user));

        String errorId = errorId(failure);
        assertThat(log.eventFor(errorId).getLevel()).isEqualTo(Level.WARN);
        assertThat(log.textFor(errorId))
                .contains("delete of " + User.class.getName() + " matched no row by id and version")
                .doesNotContain(Long.toString(STALE_VERSION));
    }
}
