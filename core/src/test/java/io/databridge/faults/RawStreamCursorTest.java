package io.databridge.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.databridge.DataBridge;
import io.databridge.testdb.PostgresTest;
import java.util.Iterator;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A raw SQL stream outside a transaction reads from a server-side cursor in a transaction of its own, as derived and
 * DSL streams do (it used to read every row first), and commits that transaction on close.
 */
@PostgresTest
class RawStreamCursorTest {

    /** One row per value; the first column is the backend serving the statement. */
    private record Row(int pid, int value) {}

    private final DataBridge db;

    RawStreamCursorTest(DataSource dataSource) {
        this.db = DataBridge.create(dataSource);
    }

    @Test
    void aRawStreamOutsideATransactionReadsFromACursorInItsOwnTransaction() {
        String state;
        long count = 1;
        try (Stream<Row> rows =
                db.sql("SELECT pg_backend_pid() AS pid, g AS value FROM generate_series(1, 5000) g").stream(
                        Row.class)) {
            Iterator<Row> iterator = rows.iterator();
            Row first = iterator.next();
            state = db.sql("SELECT state FROM pg_stat_activity WHERE pid = :pid")
                    .param("pid", first.pid())
                    .one(String.class);
            while (iterator.hasNext()) {
                iterator.next();
                count++;
            }
        }

        assertThat(state).isEqualTo("idle in transaction");
        assertThat(count).isEqualTo(5000);
    }

    @Test
    void aRawStreamOfAWriteWithReturningIsCommittedOnClose() {
        db.sql("CREATE TABLE IF NOT EXISTS streamed (id int)").update();
        db.sql("INSERT INTO streamed SELECT generate_series(1, 10)").update();

        try (Stream<Integer> deleted = db.sql("DELETE FROM streamed RETURNING id").stream(Integer.class)) {
            assertThat(deleted.count()).isEqualTo(10);
        }

        assertThat(db.sql("SELECT count(*) FROM streamed").one(Long.class)).isZero();
    }
}
