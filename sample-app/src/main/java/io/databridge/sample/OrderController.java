package io.databridge.sample;

import java.net.URI;
import java.util.List;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** REST endpoints over the order aggregate: each request runs a fixed number of statements (see OrderApiTest). */
@RestController
@RequestMapping("/orders")
class OrderController {

    private final OrderService service;

    OrderController(OrderService service) {
        this.service = service;
    }

    /** A new order: {@code {"customerId": 1, "lines": [{"productId": 1, "quantity": 2}]}}. */
    record NewOrder(long customerId, List<OrderService.LineRequest> lines) {}

    /** An order's lines from now on, with the version read: lines with an id are kept, others added. */
    record ChangedOrder(long version, List<OrderService.LineRequest> lines) {}

    @GetMapping("/{id}")
    ResponseEntity<OrderView> get(@PathVariable long id) {
        return ResponseEntity.of(service.find(id));
    }

    /** {@code ?page=0&size=20&sort=placedAt,desc}: a page of orders with their lines, in 5 statements. */
    @GetMapping
    Page<OrderView> list(Pageable pageable) {
        return service.page(pageable);
    }

    @PostMapping
    ResponseEntity<OrderView> place(@RequestBody NewOrder body) {
        OrderView placed = service.place(body.customerId(), body.lines());
        return ResponseEntity.created(URI.create("/orders/" + placed.id())).body(placed);
    }

    @PutMapping("/{id}")
    ResponseEntity<OrderView> change(@PathVariable long id, @RequestBody ChangedOrder body) {
        return ResponseEntity.of(service.replaceLines(id, body.version(), body.lines()));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        return service.delete(id)
                ? ResponseEntity.noContent().build()
                : ResponseEntity.notFound().build();
    }

    /** The aggregate's rules (existing customer and products, positive quantities) as a problem detail. */
    @ExceptionHandler(InvalidOrderException.class)
    ProblemDetail invalidOrder(InvalidOrderException ex) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, String.valueOf(ex.getMessage()));
    }
}
