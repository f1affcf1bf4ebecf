package io.memberautomation.jdbc.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.memberautomation.spi.AutomationException;
import io.memberautomation.spi.store.Branch;
import io.memberautomation.spi.store.BranchState;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An execution's live branches as a JSON array:
 * {@code [{"id":"b0","step":"wait_a_day","attempt":1,"state":"delayed","due":"2030-01-02T09:00:00Z"}]}.
 * The reconciler reads the due times back from here to re-create lost timers.
 */
public final class BranchesJson {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private BranchesJson() {}

    public static String write(List<Branch> branches) {
        return JsonData.write(out -> {
            out.writeStartArray();
            for (Branch branch : branches) {
                out.writeStartObject();
                out.writeStringField("id", branch.id());
                out.writeStringField("step", branch.stepId());
                out.writeNumberField("attempt", branch.attempt());
                out.writeStringField("state", branch.state().name().toLowerCase(Locale.ROOT));
                if (branch.dueAt().isPresent()) {
                    out.writeStringField("due", branch.dueAt().get().toString());
                }
                out.writeEndObject();
            }
            out.writeEndArray();
        });
    }

    public static List<Branch> read(String json) {
        try (JsonParser parser = FACTORY.createParser(json)) {
            parser.nextToken();
            if (!(JsonData.readValue(parser, false) instanceof List<?> elements)) {
                throw new AutomationException("stored branches are not a JSON array: " + json);
            }
            List<Branch> branches = new ArrayList<>(elements.size());
            for (Object element : elements) {
                if (!(element instanceof Map<?, ?> fields)) {
                    throw new AutomationException("a stored branch is not a JSON object: " + json);
                }
                branches.add(branch(fields));
            }
            return branches;
        } catch (IOException | RuntimeException e) {
            if (e instanceof AutomationException automation) {
                throw automation;
            }
            throw new AutomationException("cannot read stored branches " + json + ": " + e.getMessage(), e);
        }
    }

    private static Branch branch(Map<?, ?> fields) {
        Object due = fields.get("due");
        return new Branch((String) fields.get("id"), (String) fields.get("step"),
                ((BigDecimal) fields.get("attempt")).intValueExact(),
                BranchState.valueOf(((String) fields.get("state")).toUpperCase(Locale.ROOT)),
                due == null ? Optional.empty() : Optional.of(Instant.parse((String) due)));
    }
}
