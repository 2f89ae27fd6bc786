package io.databridge.transaction;

import io.databridge.error.PgExceptionTranslator;
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
            ReplicaRoutingDataSource.recordPosition(
                    transaction.getConnectionHolder().getConnection());
        }
    }
}
