/** The Spring Data JPA (Hibernate) peer of the comparison: its entities, repositories and configuration. */
@NullMarked
package io.databridge.benchmarks.jpa;

import org.jspecify.annotations.NullMarked;
