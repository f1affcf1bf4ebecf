/** Part of the service-provider interfaces; see {@link io.memberautomation.spi}. */
@NullMarked
package io.memberautomation.spi.store;

import org.jspecify.annotations.NullMarked;
