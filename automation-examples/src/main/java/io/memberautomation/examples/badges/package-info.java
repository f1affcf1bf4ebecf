/**
 * An example custom action: {@link io.memberautomation.examples.badges.AwardBadgeHandler} serves the
 * {@code award_badge} action type and is found through {@link java.util.ServiceLoader} by an engine built
 * with {@code discoverActionHandlers()}.
 */
@NullMarked
package io.memberautomation.examples.badges;

import org.jspecify.annotations.NullMarked;
