package dev.slowfast.loadtest.simulations;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the launcher tells a simulation, passed as {@code -Dloadtest.*} system properties so a
 * simulation can also be started by hand (see the README of this module).
 */
public record SimulationParameters(String baseUrl, StairSchedule schedule, long delayMs, Path output) {

    public static final String BASE_URL = "loadtest.baseUrl";
    public static final String LEVELS = "loadtest.levels";
    public static final String LEAD_IN_MS = "loadtest.leadInMs";
    public static final String STEP_MS = "loadtest.stepMs";
    public static final String RAMP_MS = "loadtest.rampMs";
    public static final String SETTLE_MS = "loadtest.settleMs";
    public static final String DELAY_MS = "loadtest.delayMs";
    public static final String OUTPUT = "loadtest.output";

    public Map<String, String> toSystemProperties() {
        var properties = new LinkedHashMap<String, String>();
        properties.put(BASE_URL, baseUrl);
        properties.put(LEVELS, String.join(",", schedule.levels().stream().map(String::valueOf).toList()));
        properties.put(LEAD_IN_MS, String.valueOf(schedule.leadInMs()));
        properties.put(STEP_MS, String.valueOf(schedule.stepMs()));
        properties.put(RAMP_MS, String.valueOf(schedule.rampMs()));
        properties.put(SETTLE_MS, String.valueOf(schedule.settleMs()));
        properties.put(DELAY_MS, String.valueOf(delayMs));
        properties.put(OUTPUT, output.toString());
        return properties;
    }

    /** Defaults give a short run against a local blocking-app, handy when starting a simulation by hand. */
    public static SimulationParameters fromSystemProperties() {
        long delayMs = Long.getLong(DELAY_MS, 1000);
        var schedule = new StairSchedule(
                parseLevels(System.getProperty(LEVELS, "1,10")),
                Long.getLong(LEAD_IN_MS, 2000),
                Long.getLong(STEP_MS, 5000),
                Long.getLong(RAMP_MS, 1000),
                Long.getLong(SETTLE_MS, Math.min(delayMs + 250, 2000)));
        return new SimulationParameters(
                System.getProperty(BASE_URL, "http://127.0.0.1:8081"),
                schedule,
                delayMs,
                Path.of(System.getProperty(OUTPUT, "target/measurements.json")));
    }

    public static List<Integer> parseLevels(String csv) {
        return Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(Integer::valueOf).toList();
    }
}
