/**
 * The data-bridge sample service: customers and their orders, behind a few REST endpoints. It uses only the starter,
 * {@code application.yml}, and (for running without a database server) {@code data-bridge-embedded}.
 */
@NullMarked
package io.databridge.sample;

import org.jspecify.annotations.NullMarked;
