package io.databridge.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.InvalidDataAccessResourceUsageException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** {@code @Transactional} and {@code TransactionTemplate} semantics over repositories and DataBridge. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TransactionBehaviourTest {

    @Autowired
    ShopService shop;

    @Autowired
    CustomerRepository customers;

    @Autowired
    PurchaseOrderRepository orders;

    @Autowired
    PlatformTransactionManager transactionManager;

    @BeforeEach
    void clean() {
        orders.deleteAll();
        customers.deleteAll();
    }

    @Test
    void aFailureRollsBackEverythingTheTransactionWrote() {
        assertThatThrownBy(() -> shop.register("ada@example.com", "Ada", BigDecimal.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(customers.count()).isZero();
        assertThat(orders.count()).isZero();

        shop.register("ada@example.com", "Ada", BigDecimal.TEN);
        assertThat(customers.count()).isEqualTo(1);
        assertThat(orders.count()).isEqualTo(1);
    }

    @Test
    void nestedTransactionsRollBackToTheirSavepointOnly() {
        customers.insert(new Customer("taken@example.com", "Taken"));
        int imported = shop.importCustomers(List.of("a@example.com", "taken@example.com", "b@example.com"));
        assertThat(imported).isEqualTo(2);
        assertThat(customers.findAll())
                .extracting(c -> c.email)
                .containsExactly("taken@example.com", "a@example.com", "b@example.com");
    }

    @Test
    void requiresNewCommitsIndependentlyOfTheOuterTransaction() {
        TransactionTemplate outer = new TransactionTemplate(transactionManager);
        TransactionTemplate inner = new TransactionTemplate(transactionManager);
        inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        outer.executeWithoutResult(status -> {
            customers.insert(new Customer("outer@example.com", "Outer"));
            inner.executeWithoutResult(innerStatus -> customers.insert(new Customer("inner@example.com", "Inner")));
            status.setRollbackOnly();
        });
        assertThat(customers.findAll()).extracting(c -> c.email).containsExactly("inner@example.com");
    }

    @Test
    void readOnlyTransactionsRejectWrites() {
        Customer ada = customers.insert(new Customer("ada@example.com", "Ada"));
        assertThatThrownBy(() -> shop.renameReadOnly(ada.id, "Changed"))
                .isInstanceOf(InvalidDataAccessResourceUsageException.class)
                .hasMessageStartingWith("Read-only transaction");
        assertThat(customers.findById(ada.id).orElseThrow().name).isEqualTo("Ada");
    }

    @Test
    void transactionTimeoutCancelsTheStatement() {
        assertThatThrownBy(() -> shop.slowReport(5))
                .isInstanceOf(QueryTimeoutException.class)
                .hasMessageStartingWith("Query canceled");
    }

    @Test
    void isolationLevelIsApplied() {
        assertThat(shop.serializableIsolation()).isEqualTo("serializable");
    }

    @Test
    void aRuntimeExceptionRollsBackATransactionTemplate() {
        TransactionTemplate template = new TransactionTemplate(transactionManager);
        assertThatThrownBy(() -> template.executeWithoutResult(status -> {
                    customers.insert(new Customer("ada@example.com", "Ada"));
                    throw new IllegalStateException("boom");
                }))
                .hasMessage("boom");
        assertThat(customers.count()).isZero();
    }
}
