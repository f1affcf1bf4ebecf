package io.memberautomation.examples.badges;

import io.memberautomation.spi.action.ActionContext;
import io.memberautomation.spi.action.ActionHandler;
import io.memberautomation.spi.action.ActionResult;
import io.memberautomation.spi.action.ParamProblem;
import io.memberautomation.spi.member.Member;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code award_badge} action: awards the member the badge named by the {@code badge} param.
 *
 * <pre>{@code
 * { "type": "award_badge", "params": { "badge": "vip" } }
 * }</pre>
 *
 * <p>The award is the step's output ({@code badge}, {@code memberId}, {@code awardedAt}), which the step log
 * keeps and later steps read as {@code steps.<id>.output.badge}; a host that shows badges reads them from
 * there, so the handler needs no collaborator and has the no-argument constructor {@link
 * java.util.ServiceLoader} requires. Listed in {@code META-INF/services/io.memberautomation.spi.action.ActionHandler},
 * so an engine built with {@code discoverActionHandlers()} knows the type. Stateless and thread-safe; an
 * attempt repeated with the same idempotency key gives the same award.
 */
public final class AwardBadgeHandler implements ActionHandler {
    /** The action type. */
    public static final String TYPE = "award_badge";
    /** The one param: the badge's name, placeholders allowed. */
    public static final String BADGE = "badge";
    /** The longest badge name accepted. */
    public static final int MAX_BADGE_LENGTH = 64;

    /** The constructor {@link java.util.ServiceLoader} calls. */
    public AwardBadgeHandler() {
        // stateless: nothing to set up
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** Awarding changes nothing outside the engine's own records, so no durable flush is needed first. */
    @Override
    public boolean external() {
        return false;
    }

    @Override
    public List<ParamProblem> validateParams(Map<String, Object> params) {
        List<ParamProblem> problems = new ArrayList<>();
        Object badge = params.get(BADGE);
        if (badge == null) {
            problems.add(new ParamProblem(BADGE, "required: the name of the badge to award"));
        } else if (!(badge instanceof String name) || name.isBlank()) {
            problems.add(new ParamProblem(BADGE, "must be a non-blank string"));
        } else if (name.length() > MAX_BADGE_LENGTH) {
            problems.add(new ParamProblem(BADGE, "must be at most " + MAX_BADGE_LENGTH + " characters"));
        }
        params.keySet().stream().filter(key -> !key.equals(BADGE)).sorted()
                .forEach(key -> problems.add(new ParamProblem(key, "unknown param: award_badge takes only \"badge\"")));
        return problems;
    }

    @Override
    public ActionResult execute(ActionContext context) {
        Optional<Member> member = context.member();
        if (member.isEmpty()) {
            return ActionResult.permanentFailure("award_badge needs a member, and this execution has none");
        }
        Optional<String> badge = context.param(BADGE).map(String::strip).filter(name -> !name.isEmpty());
        if (badge.isEmpty()) {
            return ActionResult.permanentFailure("award_badge: the badge name rendered empty");
        }
        Map<String, Object> award = new LinkedHashMap<>();
        award.put(BADGE, badge.get());
        award.put("memberId", member.get().id());
        award.put("awardedAt", context.now().toString());
        return ActionResult.success(award);
    }
}
