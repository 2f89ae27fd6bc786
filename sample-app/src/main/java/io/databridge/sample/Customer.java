package io.databridge.sample;

import io.databridge.mapping.Column;
import io.databridge.mapping.CreatedAt;
import io.databridge.mapping.GeneratedValue;
import io.databridge.mapping.Id;
import io.databridge.mapping.Table;
import io.databridge.mapping.Version;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A customer: a mutable entity with a generated id, a unique email, optimistic locking and a creation time. */
@Table(name = "customers")
public class Customer {

    @Id
    @GeneratedValue
    public @Nullable Long id;

    @Column(unique = true, length = 255, nullable = false)
    public String email = "";

    public String name = "";

    public boolean active = true;

    @Version
    public long version;

    @CreatedAt
    public @Nullable Instant createdAt;

    /** For data-bridge. */
    Customer() {}

    /**
     * A new, unsaved customer.
     *
     * @param email the unique email
     * @param name the display name
     */
    public Customer(String email, String name) {
        this.email = email;
        this.name = name;
    }
}
