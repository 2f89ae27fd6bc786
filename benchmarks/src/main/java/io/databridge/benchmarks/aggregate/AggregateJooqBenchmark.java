package io.databridge.benchmarks.aggregate;

import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStep3;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.Record3;
import org.jooq.Result;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * jOOQ 3.19 without code generation: the loads in one statement each with {@code MULTISET} (emulated with JSONB on
 * PostgreSQL) and a {@code LEFT JOIN} for the customer, the page's total by a count; the save as the hand-written one
 * (insert returning id, one multi-row insert of the lines returning ids, two updates).
 */
public class AggregateJooqBenchmark extends AggregateBase {

    private static final Table<Record> ORDER = DSL.table(DSL.name("agg_order"));
    private static final Table<Record> LINE = DSL.table(DSL.name("agg_line"));
    private static final Table<Record> CUSTOMER = DSL.table(DSL.name("agg_customer"));
    private static final Field<Long> ORDER_ID = DSL.field(DSL.name("agg_order", "id"), SQLDataType.BIGINT);
    private static final Field<String> ORDER_NOTE = DSL.field(DSL.name("agg_order", "note"), SQLDataType.VARCHAR);
    private static final Field<Long> ORDER_CUSTOMER =
            DSL.field(DSL.name("agg_order", "customer_id"), SQLDataType.BIGINT);
    private static final Field<Long> CUSTOMER_ID = DSL.field(DSL.name("agg_customer", "id"), SQLDataType.BIGINT);
    private static final Field<String> CUSTOMER_NAME = DSL.field(DSL.name("agg_customer", "name"), SQLDataType.VARCHAR);
    private static final Field<Long> LINE_ID = DSL.field(DSL.name("agg_line", "id"), SQLDataType.BIGINT);
    private static final Field<String> LINE_PRODUCT = DSL.field(DSL.name("agg_line", "product"), SQLDataType.VARCHAR);
    private static final Field<Integer> LINE_QUANTITY =
            DSL.field(DSL.name("agg_line", "quantity"), SQLDataType.INTEGER);
    private static final Field<Long> LINE_ORDER = DSL.field(DSL.name("agg_line", "order_id"), SQLDataType.BIGINT);
    private static final Field<Long> ID = DSL.field(DSL.name("id"), SQLDataType.BIGINT);
    private static final Field<String> NOTE = DSL.field(DSL.name("note"), SQLDataType.VARCHAR);
    private static final Field<Long> CUSTOMER_FK = DSL.field(DSL.name("customer_id"), SQLDataType.BIGINT);
    private static final Field<String> PRODUCT = DSL.field(DSL.name("product"), SQLDataType.VARCHAR);
    private static final Field<Integer> QUANTITY = DSL.field(DSL.name("quantity"), SQLDataType.INTEGER);
    private static final Field<Long> ORDER_FK = DSL.field(DSL.name("order_id"), SQLDataType.BIGINT);

    private static final Field<Result<Record3<Long, String, Integer>>> LINES = DSL.multiset(
                    DSL.select(LINE_ID, LINE_PRODUCT, LINE_QUANTITY)
                            .from(LINE)
                            .where(LINE_ORDER.eq(ORDER_ID))
                            .orderBy(LINE_ID))
            .as("lines");

    private DSLContext dsl;

    @Override
    protected void init() {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        dsl = DSL.using(dataSource, SQLDialect.POSTGRES, new Settings().withExecuteLogging(false));
    }

    @Override
    protected List<AggOrder> load() {
        return s17_aggregateLoad100();
    }

    @Override
    protected AggPage page() {
        return s18_aggregatePage20();
    }

    @Benchmark
    public List<AggOrder> s17_aggregateLoad100() {
        return dsl.select(ORDER_ID, ORDER_NOTE, CUSTOMER_ID, CUSTOMER_NAME, LINES)
                .from(ORDER)
                .leftJoin(CUSTOMER)
                .on(CUSTOMER_ID.eq(ORDER_CUSTOMER))
                .where(ORDER_ID.le((long) ROOTS))
                .orderBy(ORDER_ID)
                .fetch(r -> {
                    AggOrder order = order(r.value1(), r.value2(), r.value5());
                    if (r.value3() != null) {
                        order.customer = new AggCustomer();
                        order.customer.id = r.value3();
                        order.customer.name = r.value4();
                    }
                    return order;
                });
    }

    @Benchmark
    public AggPage s18_aggregatePage20() {
        List<AggOrder> orders = dsl.select(ORDER_ID, ORDER_NOTE, ORDER_CUSTOMER, LINES)
                .from(ORDER)
                .orderBy(ORDER_ID)
                .limit(PAGE)
                .offset(PAGE_OFFSET)
                .fetch(r -> {
                    AggOrder order = order(r.value1(), r.value2(), r.value4());
                    order.customer = new AggCustomer();
                    order.customer.id = r.value3();
                    return order;
                });
        return new AggPage(orders, dsl.fetchCount(ORDER));
    }

    private static AggOrder order(Long id, String note, Result<Record3<Long, String, Integer>> lines) {
        AggOrder order = new AggOrder();
        order.id = id;
        order.note = note;
        order.lines = new ArrayList<>(lines.size());
        for (Record3<Long, String, Integer> row : lines) {
            AggLine line = new AggLine();
            line.id = row.value1();
            line.product = row.value2();
            line.quantity = row.value3();
            line.order = order;
            order.lines.add(line);
        }
        return order;
    }

    @Benchmark
    public AggOrder s19_aggregateSave(Saved saved) {
        return saved.keep(this, save());
    }

    @Override
    protected AggOrder save() {
        AggOrder order = newOrder();
        dsl.transaction(configuration -> {
            DSLContext tx = DSL.using(configuration);
            order.id = tx.insertInto(ORDER, NOTE, CUSTOMER_FK)
                    .values(order.note, order.customer.id)
                    .returningResult(ID)
                    .fetchOne(ID);
            InsertValuesStep3<Record, String, Integer, Long> insert = tx.insertInto(LINE, PRODUCT, QUANTITY, ORDER_FK);
            for (AggLine line : order.lines) {
                insert = insert.values(line.product, line.quantity, order.id);
            }
            Result<Record1<Long>> ids = insert.returningResult(ID).fetch();
            for (int i = 0; i < ids.size(); i++) {
                order.lines.get(i).id = ids.get(i).value1();
            }
        });
        AggLine changed = order.lines.get(3);
        changed.quantity = 99;
        dsl.transaction(configuration -> {
            DSLContext tx = DSL.using(configuration);
            tx.update(ORDER)
                    .set(NOTE, order.note)
                    .set(CUSTOMER_FK, order.customer.id)
                    .where(ID.eq(order.id))
                    .execute();
            tx.update(LINE)
                    .set(PRODUCT, changed.product)
                    .set(QUANTITY, changed.quantity)
                    .set(ORDER_FK, order.id)
                    .where(ID.eq(changed.id))
                    .execute();
        });
        return order;
    }
}
