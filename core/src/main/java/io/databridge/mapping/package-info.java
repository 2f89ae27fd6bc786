/**
 * What users put on their entity classes and records: the mapping annotations ({@code @Table}, {@code @Id},
 * {@code @Column}...), the {@link io.databridge.mapping.NamingStrategy} that turns Java names into SQL names, and the
 * {@link io.databridge.mapping.EntityMappingException} thrown when a class cannot be mapped.
 */
@NullMarked
package io.databridge.mapping;

import org.jspecify.annotations.NullMarked;
