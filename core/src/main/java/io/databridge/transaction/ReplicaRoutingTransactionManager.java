package io.databridge.transaction;

import io.databridge.error.PgExceptionTranslator;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.JdbcTransactionObjectSupport;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * A {@link DataBridgeTransactionManager} over a {@link ReplicaRoutingDataSource}: a read-only transaction ({@code
 * @Transactional(readOnly = true)}) runs on a replica chosen when it begins; every other one on the primary, and when
 * such a transaction commits, its WAL position ({@code pg_current_wal_insert_lsn()}, one extra round trip) becomes the
 * thread's {@link ReadYourWrites} position, so the thread's later replica reads see the write. Thread-safe.
 */
public class ReplicaRoutingTransactionManager extends DataBridgeTransactionManager {

    private static final long serialVersionUID = 1L;
    private static final Logger logger = LoggerFactory.getLogger(ReplicaRoutingTransactionManager.class);
    private static final String POSITION = "SELECT pg_current_wal_insert_lsn()::text";

    /**
     * Creates the transaction manager.
     *
     * @param dataSource the routing data source
     * @param translator translates every failure
     */
    public ReplicaRoutingTransactionManager(ReplicaRoutingDataSource dataSource, PgExceptionTranslator translator) {
        super(dataSource, translator);
    }

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {
        if (definition.isReadOnly()) {
            ReplicaRoutingDataSource.routeNextToReplica();
        }
        try {
            super.doBegin(transaction, definition);
        } finally {
            ReplicaRoutingDataSource.clearRoute();
        }
    }

    @Override
    protected void doCommit(DefaultTransactionStatus status) {
        super.doCommit(status);
        if (!status.isReadOnly() && status.getTransaction() instanceof JdbcTransactionObjectSupport transaction) {
            Connection connection = transaction.getConnectionHolder().getConnection();
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery(POSITION)) {
                rows.next();
                ReadYourWrites.advance(ReadYourWrites.parse(rows.getString(1)));
                connection.commit();
            } catch (SQLException ex) {
                // The write committed; without its position the thread's next replica reads go to the primary.
                ReadYourWrites.advance(-1L);
                logger.debug("Could not read the commit's WAL position; reads wait for the primary", ex);
            }
        }
    }
}
