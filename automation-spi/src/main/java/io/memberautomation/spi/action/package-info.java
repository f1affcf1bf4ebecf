/** Part of the service-provider interfaces; see {@link io.memberautomation.spi}. */
@NullMarked
package io.memberautomation.spi.action;

import org.jspecify.annotations.NullMarked;
