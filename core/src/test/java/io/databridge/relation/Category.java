package io.databridge.relation;

import io.databridge.mapping.GeneratedValue;
import io.databridge.mapping.Id;
import io.databridge.mapping.ManyToOne;
import io.databridge.mapping.OneToMany;
import io.databridge.mapping.OrderBy;
import io.databridge.mapping.Table;
import java.util.ArrayList;
import java.util.List;

/** A self reference: a tree of categories. */
@Table(name = "categories")
public class Category {
    @Id
    @GeneratedValue
    public Long id;

    public String name;

    @ManyToOne
    public Category parent;

    @OneToMany(mappedBy = "parent")
    @OrderBy("name")
    public List<Category> children = new ArrayList<>();

    public Category() {}

    public Category(String name) {
        this.name = name;
    }
}
