package io.memberautomation.examples.simulate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * Runs scenarios (scenario-format.md) through the real engine (interpreter, condition evaluator, timers
 * and retries) on the in-memory store with a virtual clock. Each run has an engine of its own, with
 * execution ids counted from {@code exec-0001}, so the same scenario always gives the same result.
 * Stateless and thread-safe.
 *
 * <pre>{@code
 * SimulationResult result = new Simulator().run(Files.readString(path));
 * System.out.print(result.toJson());
 * }</pre>
 */
public final class Simulator {

    /**
     * Reads, checks and runs a scenario.
     *
     * @throws InvalidScenarioException with every problem of an invalid scenario (its automations included),
     *                                  or the entry the engine refused while running
     */
    public SimulationResult run(String scenarioJson) {
        Objects.requireNonNull(scenarioJson, "scenarioJson");
        Scenario scenario = new ScenarioReader().read(scenarioJson);
        return new SimulationRun(scenario).run();
    }

    /**
     * Reads a UTF-8 scenario from the stream (without closing it), checks it and runs it.
     *
     * @throws InvalidScenarioException when the stream cannot be read, is not UTF-8, or holds an invalid scenario
     */
    public SimulationResult run(InputStream scenarioJson) {
        Objects.requireNonNull(scenarioJson, "scenarioJson");
        return run(utf8(scenarioJson));
    }

    private static String utf8(InputStream in) {
        try {
            byte[] bytes = in.readAllBytes();
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw unreadable("the scenario is not UTF-8 text");
        } catch (IOException e) {
            throw unreadable("could not read the scenario: " + e.getMessage());
        }
    }

    private static InvalidScenarioException unreadable(String message) {
        return new InvalidScenarioException(List.of(new ScenarioProblem("$", "unreadable", message)));
    }
}
