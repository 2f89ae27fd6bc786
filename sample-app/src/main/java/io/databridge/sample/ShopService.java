package io.databridge.sample;

import io.databridge.DataBridge;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** The sample's business operations, each with the transaction semantics it needs. */
@Service
public class ShopService {

    private final CustomerRepository customers;
    private final PurchaseOrderRepository orders;
    private final DataBridge db;
    private final TransactionTemplate savepoint;

    ShopService(
            CustomerRepository customers,
            PurchaseOrderRepository orders,
            DataBridge db,
            PlatformTransactionManager transactionManager) {
        this.customers = customers;
        this.orders = orders;
        this.db = db;
        this.savepoint = new TransactionTemplate(transactionManager);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /**
     * Registers a customer together with a first order, all or nothing: a non-positive total rolls the customer back
     * too.
     *
     * @param email the email
     * @param name the name
     * @param total the first order's total
     * @return the order
     * @throws InvalidOrderException when the total is not positive (after the customer was inserted)
     */
    @Transactional
    public PurchaseOrder register(String email, String name, BigDecimal total) {
        Customer customer = customers.insert(new Customer(email, name));
        return placeOrder(Objects.requireNonNull(customer.id, "insert returns the generated id"), total);
    }

    /**
     * Places an order, joining the caller's transaction.
     *
     * @param customerId the customer
     * @param total the total
     * @return the stored order
     * @throws InvalidOrderException when the total is not positive
     */
    @Transactional
    public PurchaseOrder placeOrder(Long customerId, BigDecimal total) {
        PurchaseOrder order = orders.insert(new PurchaseOrder(null, customerId, total));
        if (total.signum() <= 0) {
            throw new InvalidOrderException("An order total must be positive");
        }
        return order;
    }

    /**
     * Imports customers in one transaction; each one in a savepoint, so a duplicate email skips that customer only.
     *
     * @param emails the emails
     * @return how many were imported
     */
    @Transactional
    public int importCustomers(List<String> emails) {
        int imported = 0;
        for (String email : emails) {
            try {
                savepoint.executeWithoutResult(status -> customers.insert(new Customer(email, email)));
                imported++;
            } catch (DuplicateKeyException duplicate) {
                // rolled back to the savepoint; the transaction and earlier imports go on
            }
        }
        return imported;
    }

    /**
     * Removes every inactive customer in one statement: a derived {@code deleteBy} query.
     *
     * @return how many customers were removed
     */
    @Transactional
    public long purgeInactive() {
        return customers.deleteByActiveFalse();
    }

    /**
     * Renames a customer in a read-only transaction, which PostgreSQL rejects: shows that {@code readOnly} is
     * enforced.
     *
     * @param id the customer
     * @param name the new name
     */
    @Transactional(readOnly = true)
    public void renameReadOnly(long id, String name) {
        Customer customer = customers.findById(id).orElseThrow();
        customer.name = name;
        customers.update(customer);
    }

    /**
     * Runs a statement that takes longer than the transaction's 1 s timeout allows.
     *
     * @param seconds how long the statement sleeps
     */
    @Transactional(timeout = 1)
    public void slowReport(double seconds) {
        db.sql("SELECT pg_sleep(:seconds)").param("seconds", seconds).list(String.class);
    }

    /**
     * The isolation level the current transaction runs at.
     *
     * @return e.g. {@code serializable}
     */
    @Transactional(isolation = Isolation.SERIALIZABLE, readOnly = true)
    public String serializableIsolation() {
        return db.sql("SELECT current_setting('transaction_isolation')").one(String.class);
    }
}
