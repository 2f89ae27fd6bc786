package io.databridge.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.databridge.DataBridge;
import io.databridge.transaction.RetryableTransaction;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Public, with a public service: the context runner's filtering class loader defines the CGLIB proxy. */
public class TransactionRetryAutoConfigurationTest {

    private final ApplicationContextRunner runner = Runners.withTestDatabase().withUserConfiguration(Services.class);

    @Test
    void aRetryableTransactionalMethodRunsAgainInANewTransactionAndTheRetriesAreCountedBySqlState() {
        runner.run(context -> {
            TransferService service = context.getBean(TransferService.class);

            assertThat(service.conflictTwiceThenSucceed()).isEqualTo(3);

            assertThat(service.transactionsSeen()).isEqualTo(3);
            assertThat(context.getBean(MeterRegistry.class)
                            .get(DataBridgeTransactionRetryAutoConfiguration.RETRIES_METER)
                            .tag("sqlstate", "40001")
                            .counter()
                            .count())
                    .isEqualTo(2.0);
        });
    }

    @Test
    void theAnnotationsAttemptsBoundTheRetries() {
        runner.run(context -> {
            TransferService service = context.getBean(TransferService.class);

            Throwable thrown = catchThrowable(service::alwaysConflict);

            assertThat(thrown).isInstanceOf(PessimisticLockingFailureException.class);
            assertThat(service.attempts()).isEqualTo(2);
        });
    }

    @Test
    void aCheckedExceptionOfTheMethodIsThrownAsItIsAndNotRetried() {
        runner.run(context -> {
            TransferService service = context.getBean(TransferService.class);

            assertThat(catchThrowable(service::failChecked)).isInstanceOf(IOException.class);
            assertThat(service.attempts()).isEqualTo(1);
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class Services {
        @Bean
        TransferService transferService(DataBridge db) {
            return new TransferService(db);
        }

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    public static class TransferService {
        private static final String CONFLICT =
                "DO $$ BEGIN RAISE EXCEPTION 'conflict' USING ERRCODE = 'serialization_failure'; END $$";

        final DataBridge db;
        final AtomicInteger attempts = new AtomicInteger();
        final AtomicInteger transactionsSeen = new AtomicInteger();

        public TransferService(DataBridge db) {
            this.db = db;
        }

        /** Read through the proxy, whose own fields are not the target's. */
        public int attempts() {
            return attempts.get();
        }

        public int transactionsSeen() {
            return transactionsSeen.get();
        }

        @RetryableTransaction(maxAttempts = 5, initialBackoffMillis = 1, maxBackoffMillis = 5)
        @Transactional
        public int conflictTwiceThenSucceed() {
            if (TransactionSynchronizationManager.isActualTransactionActive()) {
                transactionsSeen.incrementAndGet();
            }
            int attempt = attempts.incrementAndGet();
            if (attempt < 3) {
                db.sql(CONFLICT).update();
            }
            return attempt;
        }

        @RetryableTransaction(maxAttempts = 2, initialBackoffMillis = 1, maxBackoffMillis = 5)
        @Transactional
        public void alwaysConflict() {
            attempts.incrementAndGet();
            db.sql(CONFLICT).update();
        }

        @RetryableTransaction
        @Transactional
        public void failChecked() throws IOException {
            attempts.incrementAndGet();
            throw new IOException("checked");
        }
    }
}
