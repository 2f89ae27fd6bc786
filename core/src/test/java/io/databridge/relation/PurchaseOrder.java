package io.databridge.relation;

import io.databridge.mapping.GeneratedValue;
import io.databridge.mapping.Id;
import io.databridge.mapping.JoinColumn;
import io.databridge.mapping.OneToMany;
import io.databridge.mapping.Table;
import io.databridge.mapping.Version;
import java.util.List;

/** An aggregate of records: the order owns its lines through a one-way relation (the lines hold no back-reference). */
@Table(name = "purchase_orders")
public record PurchaseOrder(
        @Id @GeneratedValue Long id,
        String customer,
        @OneToMany @JoinColumn(name = "order_id") List<OrderLine> lines,
        @Version Integer version) {

    public static PurchaseOrder of(String customer, List<OrderLine> lines) {
        return new PurchaseOrder(null, customer, lines, null);
    }

    public PurchaseOrder withLines(List<OrderLine> newLines) {
        return new PurchaseOrder(id, customer, newLines, version);
    }
}
