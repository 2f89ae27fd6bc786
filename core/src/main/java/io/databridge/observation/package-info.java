/**
 * What data-bridge reports about the statements it runs: a Micrometer {@code Observation} per unit of database work
 * (timers and traces when the application has an {@code ObservationRegistry}), named by a replaceable {@link
 * io.databridge.observation.StatementObservationConvention}. SQL text is reported with its {@code ?} placeholders;
 * bound values never are.
 */
@NullMarked
package io.databridge.observation;

import org.jspecify.annotations.NullMarked;
