package io.memberautomation.examples.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import io.memberautomation.spi.member.Member;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a member record: {@code id} is required, every other key is a member field. {@code tags} and
 * {@code segments} must be lists of strings and {@code timezone} a zone id, since the engine reads them so.
 */
final class MemberReader {
    private MemberReader() {}

    static Optional<Member> read(JsonNode node, String path, String organizationId, Problems problems) {
        Optional<JsonFields> opened = JsonFields.open(node, path, problems, "a member", List.of());
        if (opened.isEmpty()) {
            return Optional.empty();
        }
        JsonFields fields = opened.get();
        int before = problems.count();
        Optional<String> id = fields.requiredText("id", "a member");
        for (String list : List.of(Member.TAGS, Member.SEGMENTS)) {
            fields.optionalStrings(list);
        }
        fields.optionalZone(Member.TIMEZONE);
        Map<String, Object> values = JsonValues.toFields(node, path, problems);
        values.remove("id");
        if (problems.count() > before || id.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Member(id.get(), organizationId, values));
    }
}
