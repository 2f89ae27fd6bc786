/**
 * Spring MVC support: data-access failures as RFC 9457 problem details, opt-in with
 * {@code data-bridge.errors.problem-details=true}.
 */
@NullMarked
package io.databridge.autoconfigure.web;

import org.jspecify.annotations.NullMarked;
