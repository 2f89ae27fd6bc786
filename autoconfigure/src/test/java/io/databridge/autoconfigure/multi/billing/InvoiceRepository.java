package io.databridge.autoconfigure.multi.billing;

import io.databridge.repository.PgRepository;
import java.math.BigDecimal;
import java.util.List;

/** A repository of the billing database. */
public interface InvoiceRepository extends PgRepository<Invoice, Long> {

    /**
     * A derived query, to show that derived methods run on the bound database too.
     *
     * @param total the lower bound
     * @return the invoices above it
     */
    List<Invoice> findByTotalGreaterThan(BigDecimal total);
}
