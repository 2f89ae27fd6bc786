package io.databridge.sample;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST endpoints over customers and orders. */
@RestController
@RequestMapping("/customers")
class CustomerController {

    private final CustomerRepository customers;
    private final PurchaseOrderRepository orders;
    private final ShopService shop;

    CustomerController(CustomerRepository customers, PurchaseOrderRepository orders, ShopService shop) {
        this.customers = customers;
        this.orders = orders;
        this.shop = shop;
    }

    /** A new customer; the email's presence and length are left to the database's constraints. */
    record NewCustomer(String email, @Size(max = 100) String name) {}

    /** A new order. */
    record NewOrder(BigDecimal total) {}

    /** {@code ?page=0&size=20&sort=name,desc}: sort keys are checked against Customer's properties. */
    @GetMapping
    Page<Customer> list(Pageable pageable) {
        return customers.findAll(pageable);
    }

    /** {@code ?name=ad&page=0&size=20}: customers whose name contains the text, ignoring case (a derived query). */
    @GetMapping("/named")
    Page<Customer> named(@RequestParam String name, Pageable pageable) {
        return customers.findByNameContainingIgnoreCase(name, pageable);
    }

    /** {@code ?email=Ada@Example.com}: the customer with that email, ignoring case (a derived query). */
    @GetMapping("/by-email")
    ResponseEntity<Customer> byEmail(@RequestParam String email) {
        return ResponseEntity.of(customers.findByEmailIgnoreCase(email));
    }

    /**
     * {@code ?page=0&size=20&sort=email}: active customers as {@link CustomerView}s, an interface projection that
     * selects only {@code id}, {@code email} and {@code active} (a derived query).
     */
    @GetMapping("/views")
    Page<CustomerView> views(Pageable pageable) {
        return customers.findViewsByActiveTrue(pageable);
    }

    /** Removes inactive customers; answers how many (a derived {@code deleteBy} query). */
    @DeleteMapping("/inactive")
    Map<String, Long> purgeInactive() {
        return Map.of("removed", shop.purgeInactive());
    }

    @GetMapping("/{id}")
    ResponseEntity<Customer> get(@PathVariable long id) {
        return ResponseEntity.of(customers.findById(id));
    }

    @GetMapping("/search")
    List<Customer> search(@RequestParam String q) {
        return customers.search("%" + q + "%");
    }

    @PostMapping
    ResponseEntity<Customer> create(@Valid @RequestBody NewCustomer body) {
        Customer created = customers.insert(new Customer(body.email(), body.name()));
        return ResponseEntity.created(URI.create("/customers/" + created.id)).body(created);
    }

    @PostMapping("/{id}/orders")
    ResponseEntity<PurchaseOrder> order(@PathVariable long id, @RequestBody NewOrder body) {
        if (!customers.existsById(id)) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(shop.placeOrder(id, body.total()));
    }

    @GetMapping("/{id}/orders")
    List<PurchaseOrder> orders(@PathVariable long id) {
        return orders.forCustomer(id);
    }

    @GetMapping("/totals")
    List<CustomerTotal> totals() {
        return orders.totals();
    }

    /**
     * The service's own rule (a positive order total) as a problem detail. Data-access failures, unreadable JSON and
     * validation errors need no handler here: {@code data-bridge.errors.problem-details=true} answers them.
     */
    @ExceptionHandler(InvalidOrderException.class)
    ProblemDetail invalidOrder(InvalidOrderException ex) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, String.valueOf(ex.getMessage()));
    }
}
