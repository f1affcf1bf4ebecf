package io.memberautomation.examples.simulate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;

/**
 * What a simulation reports (scenario-format.md, "Output"): {@code executions}, {@code effects} and
 * {@code members}. The JSON text is stable: keys in a fixed order, two-space indent, {@code \n} line
 * ends, so the same scenario always prints the same bytes.
 */
public final class SimulationResult {
    private static final ObjectWriter WRITER = JsonMapper.builder()
            .disable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build()
            .writer(printer());

    private final ObjectNode json;
    private final List<String> warnings;

    SimulationResult(ObjectNode json, List<String> warnings) {
        this.json = Objects.requireNonNull(json, "json");
        this.warnings = List.copyOf(warnings);
    }

    private static DefaultPrettyPrinter printer() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        return new DefaultPrettyPrinter(separators).withObjectIndenter(indenter).withArrayIndenter(indenter);
    }

    /** The result document; a copy, free to change. */
    public JsonNode json() {
        return json.deepCopy();
    }

    /** The result document as pretty-printed JSON text ending with a line break. */
    public String toJson() {
        try {
            return WRITER.writeValueAsString(json) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Things worth a look that did not stop the simulation, such as an automation step no path reaches,
     * each as {@code path: code: message}.
     */
    public List<String> warnings() {
        return warnings;
    }
}
