/**
 * Finding repository interfaces and registering them as beans: {@link
 * io.databridge.repository.config.EnableDataBridgeRepositories} and the registrar behind it and behind the
 * auto-configuration's default scan of the application's packages.
 */
@NullMarked
package io.databridge.repository.config;

import org.jspecify.annotations.NullMarked;
