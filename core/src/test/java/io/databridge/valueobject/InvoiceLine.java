package io.databridge.valueobject;

import io.databridge.mapping.Id;
import io.databridge.mapping.Table;

/** A class entity keyed by two columns, without a version: save upserts it. */
@Table(name = "invoice_lines")
public class InvoiceLine {
    @Id
    InvoiceLineId id;

    String product;
    int quantity;

    InvoiceLine() {}

    InvoiceLine(long invoiceId, int lineNo, String product, int quantity) {
        this.id = new InvoiceLineId(invoiceId, lineNo);
        this.product = product;
        this.quantity = quantity;
    }
}
