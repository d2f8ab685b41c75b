package dev.slowfast.loadtest.run;

import dev.slowfast.loadtest.simulations.SimulationParameters;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Everything one run needs, built from a profile and {@code loadtest.*} overrides (system properties
 * on the command line, a map in tests). The JVM options are the same for every app, so only the
 * implementation differs between variants; {@code jfr} adds one Flight Recorder recording per run.
 * {@code downstreamPoolSize} is every app's {@code DOWNSTREAM_POOL_SIZE} in downstream workloads (default
 * 10,000, so 1,000 users × 10 concurrent calls do not wait for a connection); {@code openFilesLimit} is
 * what each child process gets, and decides which levels a workload can run ({@link LevelPlan}).
 */
public record RunSettings(String profile, List<Variant> variants, List<Workload> workloads, List<Integer> levels,
                          double stepSeconds, double rampSeconds, long delayMs, long dbDelayMs,
                          double warmupSeconds, int dbPoolSize, Path repoRoot, Path reportDir,
                          List<String> appJvmOptions, List<String> gatlingJvmOptions, boolean pinCpus,
                          String gatlingClasspath, boolean jfr, int downstreamPoolSize, int openFilesLimit) {

    /** The apps accept DOWNSTREAM_POOL_SIZE 1..10000 (docs/contract.md). */
    public static final int MAX_DOWNSTREAM_POOL_SIZE = 10_000;

    /**
     * The same for every variant. 4 GB, not 1: at 10,000 parked requests a 1 GB heap decided the comparison (an
     * app ran out of it) rather than the paradigm, and this machine has room. A JVM out of memory exits (status 3)
     * instead of limping on with a full heap, so the run records it and goes on.
     */
    public static final List<String> APP_JVM_OPTIONS = List.of("-Xms256m", "-Xmx4g", "-XX:+UseG1GC",
            "-XX:+ExitOnOutOfMemoryError");
    public static final List<String> GATLING_JVM_OPTIONS = List.of("-Xms1g", "-Xmx2g", "-XX:+UseG1GC",
            "-XX:+ExitOnOutOfMemoryError",
            "-XX:MaxInlineLevel=20", "-XX:MaxTrivialSize=12",
            // Gatling reaches into java.lang for its log writer, and Netty loads its native transport
            "--add-opens=java.base/java.lang=ALL-UNNAMED", "--enable-native-access=ALL-UNNAMED");

    public static RunSettings fromSystemProperties() {
        var properties = new HashMap<String, String>();
        System.getProperties().forEach((key, value) -> properties.put(key.toString(), value.toString()));
        return from(properties);
    }

    /** Blank values count as unset, so a build tool can pass every property through unconditionally. */
    public static RunSettings from(Map<String, String> properties) {
        var p = new HashMap<String, String>();
        properties.forEach((key, value) -> {
            if (value != null && !value.isBlank()) {
                p.put(key, value);
            }
        });
        Profile profile = Profile.named(p.getOrDefault("loadtest.profile", "default"));
        Path moduleDir = Path.of(p.getOrDefault("loadtest.moduleDir", ".")).toAbsolutePath().normalize();
        Path repoRoot = Path.of(p.getOrDefault("loadtest.repoRoot", moduleDir.getParent().toString()));
        String baseUrl = p.get("loadtest.baseUrl");
        List<Variant> variants;
        if (baseUrl != null && !baseUrl.isBlank()) {
            if (!baseUrl.matches("https?://.+")) {
                throw new IllegalArgumentException("loadtest.baseUrl must be an http(s) URL, got " + baseUrl);
            }
            variants = List.of(Variant.external(p.getOrDefault("loadtest.targetName", "external"),
                    Optional.ofNullable(p.get("loadtest.concurrencyCap")).map(Integer::parseInt)
                            .map(OptionalInt::of).orElse(OptionalInt.empty()), baseUrl));
        } else {
            variants = list(p, "loadtest.variants").map(names -> names.stream().map(Variants::named).toList())
                    .orElse(Variants.ALL);
        }
        return new RunSettings(
                profile.name(),
                variants,
                list(p, "loadtest.workloads").map(ids -> ids.stream().map(Workload::byId).toList())
                        .orElse(profile.workloads()),
                Optional.ofNullable(p.get("loadtest.levels")).map(SimulationParameters::parseLevels)
                        .orElse(profile.levels()),
                number(p, "loadtest.stepSeconds", profile.stepSeconds()),
                number(p, "loadtest.rampSeconds", profile.rampSeconds()),
                (long) number(p, "loadtest.delayMs", profile.delayMs()),
                (long) number(p, "loadtest.dbDelayMs", profile.dbDelayMs()),
                number(p, "loadtest.warmupSeconds", profile.warmupSeconds()),
                (int) number(p, "loadtest.dbPoolSize", 10),
                repoRoot.toAbsolutePath().normalize(),
                Path.of(p.getOrDefault("loadtest.reportDir", moduleDir.resolve("target/scaling-report").toString()))
                        .toAbsolutePath().normalize(),
                APP_JVM_OPTIONS,
                GATLING_JVM_OPTIONS,
                !"off".equals(p.getOrDefault("loadtest.pinning", "auto")),
                p.getOrDefault("loadtest.classpath", p.get("java.class.path")),
                Boolean.parseBoolean(p.getOrDefault("loadtest.jfr", "false")),
                downstreamPoolSize(p),
                (int) number(p, "loadtest.openFilesLimit", Launch.childOpenFilesLimit()));
    }

    private static int downstreamPoolSize(Map<String, String> p) {
        int size = (int) number(p, "loadtest.downstreamPoolSize", MAX_DOWNSTREAM_POOL_SIZE);
        if (size < 1 || size > MAX_DOWNSTREAM_POOL_SIZE) {
            throw new IllegalArgumentException("loadtest.downstreamPoolSize must be 1.." + MAX_DOWNSTREAM_POOL_SIZE
                    + " (the apps' DOWNSTREAM_POOL_SIZE), got " + size);
        }
        return size;
    }

    /** The downstream service's jar, started beside the app for a downstream workload. */
    public Path downstreamJar() {
        return repoRoot.resolve("downstream").resolve("target").resolve("downstream.jar");
    }

    /** The run's levels this workload can run here, and why the others cannot. */
    public LevelPlan levelsFor(Workload workload) {
        return LevelPlan.of(workload, levels, openFilesLimit, downstreamPoolSize);
    }

    public Path jarOf(Variant variant) {
        return repoRoot.resolve(variant.module()).resolve("target").resolve(variant.module() + ".jar");
    }

    public long delayMsFor(Workload workload) {
        return workload.needsDatabase() ? dbDelayMs : delayMs;
    }

    public long stepMs() {
        return Math.round(stepSeconds * 1000);
    }

    /** Unmeasured time at the first level, for the JIT of the Gatling JVM. */
    public long leadInMs() {
        return Math.round(Math.min(warmupSeconds, 3) * 1000);
    }

    public long rampMs() {
        return Math.round(rampSeconds * 1000);
    }

    /** How long to wait after a ramp before measuring: one full delay cycle, at most half the step. */
    public long settleMsFor(Workload workload) {
        long wanted = workload.hasBound() ? delayMsFor(workload) + 250 : 500;
        return Math.min(wanted, stepMs() / 2);
    }

    private static Optional<List<String>> list(Map<String, String> p, String key) {
        return Optional.ofNullable(p.get(key)).filter(s -> !s.isBlank())
                .map(csv -> Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList());
    }

    private static double number(Map<String, String> p, String key, double fallback) {
        String value = p.get(key);
        return value == null || value.isBlank() ? fallback : Double.parseDouble(value);
    }
}
