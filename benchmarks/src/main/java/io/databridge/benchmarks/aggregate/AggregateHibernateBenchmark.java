package io.databridge.benchmarks.aggregate;

import io.databridge.benchmarks.aggregate.jpa.AggregateJpaConfiguration;
import io.databridge.benchmarks.aggregate.jpa.JpaAggCustomer;
import io.databridge.benchmarks.aggregate.jpa.JpaAggCustomerRepository;
import io.databridge.benchmarks.aggregate.jpa.JpaAggLine;
import io.databridge.benchmarks.aggregate.jpa.JpaAggOrder;
import io.databridge.benchmarks.aggregate.jpa.JpaAggOrderRepository;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.hibernate.Hibernate;
import org.openjdk.jmh.annotations.Benchmark;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Spring Data JPA repositories over Hibernate 7 (entities in {@code aggregate.jpa}). (17) one {@code JOIN FETCH}
 * query of the to-one and the lines: for 100 roots of 10 children it needs one round trip where batch fetching
 * ({@code @BatchSize} / {@code default_batch_fetch_size}) needs three, so it is the faster idiom here; (18) in one
 * read-only transaction, the page of ids with Spring Data's count query, then the page's orders with their lines by
 * {@code JOIN FETCH ... WHERE id IN} (no in-memory paging: HHH000104 is configured to fail); (19) {@code save} of
 * the new order in a transaction with {@code getReferenceById} for the customer (persist, cascading to the lines;
 * IDENTITY ids, so Hibernate cannot batch the inserts), then {@code save} of the changed detached order (merge: it
 * loads the order and its lines, then updates the one changed line at commit).
 */
public class AggregateHibernateBenchmark extends AggregateBase {

    private AnnotationConfigApplicationContext context;
    private JpaAggOrderRepository orders;
    private JpaAggCustomerRepository customers;
    private TransactionTemplate transactions;
    private TransactionTemplate readOnly;

    @Override
    protected void init() {
        context = new AnnotationConfigApplicationContext();
        context.registerBean(DataSource.class, () -> dataSource);
        context.register(AggregateJpaConfiguration.class);
        context.refresh();
        orders = context.getBean(JpaAggOrderRepository.class);
        customers = context.getBean(JpaAggCustomerRepository.class);
        PlatformTransactionManager manager = context.getBean(PlatformTransactionManager.class);
        transactions = new TransactionTemplate(manager);
        readOnly = new TransactionTemplate(manager);
        readOnly.setReadOnly(true);
    }

    @Override
    protected void closeLibrary() {
        context.close();
    }

    @Override
    protected List<AggOrder> load() {
        return convert(s17_aggregateLoad100(), true);
    }

    @Override
    protected AggPage page() {
        Page<JpaAggOrder> page = s18_aggregatePage20();
        return new AggPage(convert(page.getContent(), false), page.getTotalElements());
    }

    @Benchmark
    public List<JpaAggOrder> s17_aggregateLoad100() {
        return orders.findWithCustomerAndLinesUpTo(ROOTS);
    }

    @Benchmark
    public Page<JpaAggOrder> s18_aggregatePage20() {
        return readOnly.execute(status -> {
            Page<Long> ids = orders.findPageOfIds(PageRequest.of(PAGE_OFFSET / PAGE, PAGE, Sort.by("id")));
            return new PageImpl<>(
                    orders.findWithLinesByIdIn(ids.getContent()), ids.getPageable(), ids.getTotalElements());
        });
    }

    @Benchmark
    public AggOrder s19_aggregateSave(Saved saved) {
        return saved.keep(this, save());
    }

    @Override
    protected AggOrder save() {
        JpaAggOrder order = new JpaAggOrder();
        order.note = "new";
        for (int i = 0; i < CHILDREN; i++) {
            JpaAggLine line = new JpaAggLine();
            line.product = "p" + i;
            line.quantity = i;
            order.addLine(line);
        }
        transactions.executeWithoutResult(status -> {
            order.customer = customers.getReferenceById(1L);
            orders.save(order);
        });
        order.lines.get(3).quantity = 99;
        JpaAggOrder saved = orders.save(order);
        return convert(List.of(saved), false).get(0);
    }

    /** The orders as the shared {@link AggOrder}s the base class checks (not part of the measured reads). */
    private static List<AggOrder> convert(List<JpaAggOrder> entities, boolean withCustomers) {
        List<AggOrder> result = new ArrayList<>(entities.size());
        for (JpaAggOrder entity : entities) {
            AggOrder order = new AggOrder();
            order.id = entity.id;
            order.note = entity.note;
            if (withCustomers && entity.customer != null) {
                // A fetched to-one may still be a proxy object; its fields are read from the real entity.
                JpaAggCustomer customer = (JpaAggCustomer) Hibernate.unproxy(entity.customer);
                order.customer = new AggCustomer();
                order.customer.id = customer.id;
                order.customer.name = customer.name;
            }
            for (JpaAggLine entityLine : entity.lines) {
                AggLine line = new AggLine();
                line.id = entityLine.id;
                line.product = entityLine.product;
                line.quantity = entityLine.quantity;
                line.order = order;
                order.lines.add(line);
            }
            result.add(order);
        }
        return result;
    }
}
