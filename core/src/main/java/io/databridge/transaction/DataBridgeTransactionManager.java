package io.databridge.transaction;

import io.databridge.audit.AuditTrail;
import io.databridge.error.PgExceptionTranslator;
import io.databridge.error.RetryableFailures;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * Spring's {@link JdbcTransactionManager} with every failure in the {@link DataAccessException} hierarchy, translated by
 * a {@link PgExceptionTranslator} (sanitized: no driver exception in the chain):
 *
 * <ul>
 *   <li>a transaction that cannot begin because no connection can be obtained throws what the translator makes of the
 *       connection failure (a {@link org.springframework.dao.DataAccessResourceFailureException} for a database that is
 *       down, a {@link org.springframework.dao.TransientDataAccessResourceException} for a pool that gave no
 *       connection in time) instead of Spring's {@link CannotCreateTransactionException};
 *   <li>a rollback on a connection that is already lost does not replace the failure that caused it: the server has
 *       rolled the transaction back when the connection went, so the rollback is done and the caller sees the
 *       statement's own failure (Spring's {@code TransactionInterceptor} would otherwise throw the rollback's
 *       {@code "Connection is closed"});
 *   <li>a commit that fails because the connection was lost is reported as having an unknown outcome (see
 *       {@link PgExceptionTranslator#translateCommitFailure(String, SQLException)}).
 * </ul>
 *
 * <p>Thread-safe once configured, like its superclass.
 */
public class DataBridgeTransactionManager extends JdbcTransactionManager {

    private static final long serialVersionUID = 1L;

    private static final Logger logger = LoggerFactory.getLogger(DataBridgeTransactionManager.class);

    private static final String ROLLBACK_TASK = "JDBC rollback";

    private final transient PgExceptionTranslator translator;

    private transient AuditTrail audit = AuditTrail.off();

    /**
     * Creates the transaction manager.
     *
     * @param dataSource where connections come from
     * @param translator translates every failure
     */
    // JDK 21+ javac: setExceptionTranslator is overridable; Spring's only stores the translator and no subclass of
    // ours overrides it, so no subclass code runs before the subclass is initialized.
    @SuppressWarnings("this-escape")
    public DataBridgeTransactionManager(DataSource dataSource, PgExceptionTranslator translator) {
        super(dataSource);
        this.translator = translator;
        setExceptionTranslator(translator);
    }

    /**
     * Records each transaction's outcome, with an id its statements' events share (off by default).
     *
     * @param audit the audit trail
     */
    public void setAuditTrail(AuditTrail audit) {
        this.audit = audit;
    }

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {
        try {
            super.doBegin(transaction, definition);
        } catch (CannotCreateTransactionException ex) {
            throw translator.translateTransactionFailure(ex);
        }
        if (audit.enabled()) {
            audit.beginTransaction();
        }
    }

    @Override
    protected void doCommit(DefaultTransactionStatus status) {
        try {
            super.doCommit(status);
        } catch (RuntimeException ex) {
            audit.endTransaction("commit", ex);
            throw ex;
        }
        audit.endTransaction("commit", null);
    }

    @Override
    protected void doRollback(DefaultTransactionStatus status) {
        try {
            super.doRollback(status);
        } catch (RollbackOnLostConnection ex) {
            logger.debug("Rollback skipped: the connection was lost, so the server has rolled the transaction back");
            audit.pool("connection-evicted", null);
        } catch (RuntimeException ex) {
            audit.endTransaction("rollback", ex);
            throw ex;
        }
        audit.endTransaction("rollback", null);
    }

    @Override
    protected RuntimeException translateException(String task, SQLException ex) {
        if (ROLLBACK_TASK.equals(task) && RetryableFailures.connectionLost(ex)) {
            return new RollbackOnLostConnection();
        }
        if (task.endsWith("commit")) {
            return translator.translateCommitFailure(task, ex);
        }
        return translator.translate(task, null, ex);
    }

    /** Carries a rollback that failed only because the connection is gone from the translation to the rollback. */
    private static final class RollbackOnLostConnection extends DataAccessResourceFailureException {
        private static final long serialVersionUID = 1L;

        RollbackOnLostConnection() {
            super("The connection was lost; the server rolled the transaction back");
        }
    }
}
