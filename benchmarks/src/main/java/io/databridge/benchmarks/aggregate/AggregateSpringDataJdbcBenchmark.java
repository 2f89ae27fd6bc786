package io.databridge.benchmarks.aggregate;

import io.databridge.benchmarks.aggregate.sdjdbc.AggregateSpringDataJdbcConfiguration;
import io.databridge.benchmarks.aggregate.sdjdbc.JdbcAggCustomer;
import io.databridge.benchmarks.aggregate.sdjdbc.JdbcAggCustomerRepository;
import io.databridge.benchmarks.aggregate.sdjdbc.JdbcAggLine;
import io.databridge.benchmarks.aggregate.sdjdbc.JdbcAggOrder;
import io.databridge.benchmarks.aggregate.sdjdbc.JdbcAggOrderRepository;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/**
 * Spring Data JDBC repositories (aggregates in {@code aggregate.sdjdbc}), single-query loading on. (17)
 * {@code findAllById} of the 100 orders (roots and lines in one statement), sorted by id since it promises no order,
 * then the customers, a separate aggregate referred to by id, by {@code findAllById} of those ids; (18)
 * {@code findAll(PageRequest)} sorted by id: the page, its count, and (single-query loading does not cover sorted or
 * paged finds) one statement per order for its lines; (19) {@code save} of the new aggregate, then {@code save}
 * again after changing one line: Spring Data JDBC updates the root, deletes all its lines and inserts them again,
 * which is its documented behaviour and measured as is.
 */
public class AggregateSpringDataJdbcBenchmark extends AggregateBase {

    private static final List<Long> IDS = ids();

    private AnnotationConfigApplicationContext context;
    private JdbcAggOrderRepository orders;
    private JdbcAggCustomerRepository customers;

    /** Scenario 17's result: the orders and their customers by id. */
    public record Loaded(List<JdbcAggOrder> orders, Map<Long, JdbcAggCustomer> customers) {}

    @Override
    protected void init() {
        context = new AnnotationConfigApplicationContext();
        context.registerBean(DataSource.class, () -> dataSource);
        context.register(AggregateSpringDataJdbcConfiguration.class);
        context.refresh();
        orders = context.getBean(JdbcAggOrderRepository.class);
        customers = context.getBean(JdbcAggCustomerRepository.class);
    }

    @Override
    protected void closeLibrary() {
        context.close();
    }

    @Override
    protected List<AggOrder> load() {
        Loaded loaded = s17_aggregateLoad100();
        return convert(loaded.orders(), loaded.customers());
    }

    @Override
    protected AggPage page() {
        Page<JdbcAggOrder> page = s18_aggregatePage20();
        return new AggPage(convert(page.getContent(), null), page.getTotalElements());
    }

    @Benchmark
    public Loaded s17_aggregateLoad100() {
        List<JdbcAggOrder> found = new ArrayList<>(orders.findAllById(IDS));
        found.sort(Comparator.comparing(order -> order.id));
        Set<Long> customerIds = new LinkedHashSet<>();
        for (JdbcAggOrder order : found) {
            if (order.customerId != null) {
                customerIds.add(order.customerId);
            }
        }
        Map<Long, JdbcAggCustomer> byId = new HashMap<>();
        for (JdbcAggCustomer customer : customers.findAllById(customerIds)) {
            byId.put(customer.id, customer);
        }
        return new Loaded(found, byId);
    }

    @Benchmark
    public Page<JdbcAggOrder> s18_aggregatePage20() {
        return orders.findAll(PageRequest.of(PAGE_OFFSET / PAGE, PAGE, Sort.by("id")));
    }

    @Benchmark
    public AggOrder s19_aggregateSave(Saved saved) {
        return saved.keep(this, save());
    }

    @Override
    protected AggOrder save() {
        JdbcAggOrder order = new JdbcAggOrder();
        order.note = "new";
        order.customerId = 1L;
        List<JdbcAggLine> lines = new ArrayList<>(CHILDREN);
        for (int i = 0; i < CHILDREN; i++) {
            JdbcAggLine line = new JdbcAggLine();
            line.product = "p" + i;
            line.quantity = i;
            lines.add(line);
            order.lines.add(line);
        }
        order = orders.save(order);
        lines.get(3).quantity = 99;
        order = orders.save(order);
        AggOrder saved = new AggOrder();
        saved.id = order.id;
        for (JdbcAggLine line : lines) {
            saved.lines.add(line(line, saved));
        }
        return saved;
    }

    /** The orders as the shared {@link AggOrder}s the base class checks, lines in id order (not measured). */
    private static List<AggOrder> convert(List<JdbcAggOrder> aggregates, @Nullable Map<Long, JdbcAggCustomer> byId) {
        List<AggOrder> result = new ArrayList<>(aggregates.size());
        for (JdbcAggOrder aggregate : aggregates) {
            AggOrder order = new AggOrder();
            order.id = aggregate.id;
            order.note = aggregate.note;
            if (byId != null && aggregate.customerId != null) {
                JdbcAggCustomer customer = byId.get(aggregate.customerId);
                order.customer = new AggCustomer();
                order.customer.id = customer.id;
                order.customer.name = customer.name;
            }
            List<JdbcAggLine> lines = new ArrayList<>(aggregate.lines);
            lines.sort(Comparator.comparing(line -> line.id));
            for (JdbcAggLine line : lines) {
                order.lines.add(line(line, order));
            }
            result.add(order);
        }
        return result;
    }

    private static AggLine line(JdbcAggLine source, AggOrder order) {
        AggLine line = new AggLine();
        line.id = source.id;
        line.product = source.product;
        line.quantity = source.quantity;
        line.order = order;
        return line;
    }

    private static List<Long> ids() {
        List<Long> ids = new ArrayList<>(ROOTS);
        for (long id = 1; id <= ROOTS; id++) {
            ids.add(id);
        }
        return ids;
    }
}
