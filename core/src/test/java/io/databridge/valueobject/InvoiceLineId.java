package io.databridge.valueobject;

/** A composite key of a legacy table: two columns. */
public record InvoiceLineId(long invoiceId, int lineNo) {}
