package io.databridge.valueobject;

import io.databridge.repository.PgRepository;
import java.util.List;

public interface InvoiceLineRepository extends PgRepository<InvoiceLine, InvoiceLineId> {

    List<InvoiceLine> findByIdInvoiceIdOrderByIdLineNo(long invoiceId);
}
