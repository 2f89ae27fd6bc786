/**
 * Rules shared by the migration runner and the schema tooling: the one file-name rule of migration scripts. Engine
 * code: not an API, may change in any release.
 */
@NullMarked
package io.databridge.internal.migration;

import org.jspecify.annotations.NullMarked;
