package io.databridge.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.transaction.support.TransactionTemplate;

/** Repository features in the running sample application (application.yml + starter, embedded PostgreSQL). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RepositoryFeaturesTest {

    @Autowired
    CustomerRepository customers;

    @Autowired
    PurchaseOrderRepository orders;

    @Autowired
    TransactionTemplate transactions;

    @BeforeEach
    void clean() {
        orders.deleteAll();
        customers.deleteAll();
    }

    @Test
    void crudRoundTrip() {
        Customer ada = customers.insert(new Customer("ada@example.com", "Ada"));
        assertThat(ada.id).isNotNull();
        assertThat(customers.existsById(ada.id)).isTrue();
        assertThat(customers.findById(ada.id)).get().extracting(c -> c.email).isEqualTo("ada@example.com");

        ada.name = "Ada L.";
        Customer updated = customers.update(ada);
        assertThat(updated.version).isEqualTo(1);
        Customer saved = customers.save(new Customer("bob@example.com", "Bob"));
        assertThat(customers.count()).isEqualTo(2);
        assertThat(customers.findAllById(List.of(saved.id, ada.id, -1L)))
                .extracting(c -> c.name)
                .containsExactly("Ada L.", "Bob");

        assertThat(customers.deleteById(saved.id)).isTrue();
        assertThat(customers.deleteById(saved.id)).isFalse();
        customers.delete(updated);
        assertThat(customers.count()).isZero();
    }

    @Test
    void bulkOperations() {
        List<Customer> inserted =
                customers.insertAll(List.of(new Customer("a@example.com", "A"), new Customer("b@example.com", "B")));
        List<Customer> saved = customers.saveAll(List.of(new Customer("c@example.com", "C")));
        assertThat(customers.findAll()).hasSize(3);
        customers.deleteAllById(List.of(inserted.get(0).id));
        customers.deleteAll(saved);
        assertThat(customers.findAll()).extracting(c -> c.email).containsExactly("b@example.com");
    }

    @Test
    void staleVersionIsAnOptimisticLockingFailure() {
        Customer ada = customers.insert(new Customer("ada@example.com", "Ada"));
        Customer copy = customers.findById(ada.id).orElseThrow();
        customers.update(ada);
        assertThatThrownBy(() -> customers.update(copy)).isInstanceOf(OptimisticLockingFailureException.class);
    }

    @Test
    void sortedAndPaged() {
        for (String name : List.of("c", "a", "e", "b", "d")) {
            customers.insert(new Customer(name + "@example.com", name));
        }
        assertThat(customers.findAll(Sort.by(Sort.Direction.DESC, "name")))
                .extracting(c -> c.name)
                .containsExactly("e", "d", "c", "b", "a");
        Page<Customer> page = customers.findAll(PageRequest.of(1, 2, Sort.by("name")));
        assertThat(page.getContent()).extracting(c -> c.name).containsExactly("c", "d");
        assertThat(page.getTotalElements()).isEqualTo(5);
        assertThat(page.getTotalPages()).isEqualTo(3);
    }

    @Test
    void unknownSortKeyIsRejected() {
        assertThatThrownBy(() -> customers.findAll(Sort.by("nmae")))
                .isInstanceOf(InvalidDataAccessApiUsageException.class)
                .hasMessage("Cannot sort Customer by 'nmae': it has no such property; sort by one of [id, email, name,"
                        + " active, version, createdAt]");
    }

    @Test
    void queryMethods() {
        Customer ada = customers.insert(new Customer("ada@example.com", "Ada"));
        customers.insert(new Customer("bob@example.org", "Bob"));
        assertThat(customers.search("%example.com")).extracting(c -> c.name).containsExactly("Ada");
        assertThat(customers.findOneByEmail("bob@example.org"))
                .get()
                .extracting(c -> c.name)
                .isEqualTo("Bob");
        assertThat(customers.findOneByEmail("nobody@example.org")).isEmpty();
        assertThat(customers.countActive()).isEqualTo(2);
        assertThat(customers.deactivate(ada.id)).isEqualTo(1);
        assertThat(customers.countActive()).isEqualTo(1);
    }

    @Test
    void derivedQueriesOfEachFamily() {
        Customer ada = customers.insert(new Customer("ada@example.com", "Ada"));
        Customer adam = customers.insert(new Customer("adam@example.com", "Adam"));
        Customer bob = customers.insert(new Customer("bob@example.org", "Bob"));
        customers.deactivate(bob.id);

        assertThat(customers.findByEmailIgnoreCase("ADA@example.COM"))
                .get()
                .extracting(c -> c.id)
                .isEqualTo(ada.id);
        Page<Customer> page = customers.findByNameContainingIgnoreCase("ad", PageRequest.of(0, 1, Sort.by("name")));
        assertThat(page.getContent()).extracting(c -> c.name).containsExactly("Ada");
        assertThat(page.getTotalElements()).isEqualTo(2);
        assertThat(customers.findTop3ByActiveTrueOrderByCreatedAtDescIdDesc())
                .extracting(c -> c.id)
                .containsExactly(adam.id, ada.id);
        assertThat(customers.findByActiveFalseOrderByIdAsc())
                .containsExactly(new CustomerSummary(bob.id, "bob@example.org"));
        List<String> streamed = transactions.execute(status -> {
            try (Stream<Customer> rows = customers.streamByNameStartingWithOrderByIdAsc("Ad")) {
                return rows.map(c -> c.name).toList();
            }
        });
        assertThat(streamed).containsExactly("Ada", "Adam");
        assertThat(customers.countByActiveFalse()).isEqualTo(1);
        assertThat(customers.existsByEmailIgnoreCase("BOB@example.org")).isTrue();
        assertThat(customers.deleteByActiveFalse()).isEqualTo(1);
        assertThat(customers.countByActiveFalse()).isZero();
        assertThat(customers.query().list()).extracting(c -> c.name).containsExactlyInAnyOrder("Ada", "Adam");
    }

    @Test
    void queryPagesCarryTotalsAndHonourSort() {
        for (int i = 0; i < 5; i++) {
            customers.insert(new Customer("c" + i + "@example.com", "n" + i));
        }
        Page<Customer> page = customers.findActive(PageRequest.of(0, 2, Sort.by(Sort.Direction.DESC, "email")));
        assertThat(page.getContent()).extracting(c -> c.email).containsExactly("c4@example.com", "c3@example.com");
        assertThat(page.getTotalElements()).isEqualTo(5);

        Slice<Customer> slice = customers.slice(PageRequest.of(2, 2));
        assertThat(slice.getContent()).hasSize(1);
        assertThat(slice.hasNext()).isFalse();
        assertThat(customers.slice(PageRequest.of(0, 2)).hasNext()).isTrue();
    }

    @Test
    void recordProjections() {
        Customer ada = customers.insert(new Customer("ada@example.com", "Ada"));
        orders.insert(new PurchaseOrder(null, ada.id, new BigDecimal("10.50")));
        orders.insert(new PurchaseOrder(null, ada.id, new BigDecimal("4.50")));
        assertThat(customers.summaries()).containsExactly(new CustomerSummary(ada.id, "ada@example.com"));
        assertThat(orders.totals()).containsExactly(new CustomerTotal(ada.id, new BigDecimal("15.00")));
    }

    @Test
    void interfaceProjections() {
        Customer ada = customers.insert(new Customer("ada@example.com", "Ada"));
        Customer bob = customers.insert(new Customer("bob@example.org", "Bob"));
        customers.deactivate(bob.id);
        assertThat(customers.views())
                .extracting(CustomerView::getLabel, CustomerView::isActive)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ada.id + ":ada@example.com", true),
                        org.assertj.core.groups.Tuple.tuple(bob.id + ":bob@example.org", false));
        Page<CustomerView> active = customers.findViewsByActiveTrue(PageRequest.of(0, 10, Sort.by("email")));
        assertThat(active.getContent()).containsExactly(customers.views().get(0));
        assertThat(active.getContent().get(0))
                .hasToString("CustomerView[email=ada@example.com, id=" + ada.id + ", active=true]");
    }

    @Test
    void streamsRowsFromACursorInsideATransaction() {
        for (int i = 0; i < 300; i++) {
            customers.insert(new Customer("s" + i + "@example.com", "s" + i));
        }
        long counted = transactions.execute(status -> {
            try (Stream<Customer> all = customers.streamAll()) {
                return all.filter(c -> c.email.startsWith("s")).count();
            }
        });
        assertThat(counted).isEqualTo(300);
    }

    @Test
    void customFragmentIsMergedIntoTheRepository() {
        customers.insert(new Customer("old@example.com", "Old"));
        customers.insert(new Customer("new@example.com", "New"));
        assertThat(customers.newest(1)).extracting(c -> c.name).containsExactly("New");
    }
}
