package dev.slowfast.loadtest.run;

import dev.slowfast.loadtest.results.Json;
import dev.slowfast.loadtest.results.WorkloadMeasurement;
import dev.slowfast.loadtest.simulations.SimulationParameters;
import dev.slowfast.testkit.AppLauncher;
import dev.slowfast.testkit.AppProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs one simulation in its own JVM (pinned to the generator's CPUs), sampling that JVM's CPU like
 * the app's (a busy generator caps what it can measure), then reads back the measurements the
 * simulation wrote and finds the HTML report Gatling generated.
 */
final class GatlingProcess {

    /** Gatling's own request timeout; requests still waiting after it count as timeouts. */
    static final long REQUEST_TIMEOUT_MS = 60_000;

    record Outcome(WorkloadMeasurement measurement, Optional<Path> htmlReport, List<ProcessSample> generatorSamples) {
    }

    private GatlingProcess() {
    }

    static Outcome run(RunSettings settings, String cpus, Workload workload, SimulationParameters parameters,
                       Path resultsFolder, Path log, String description) throws IOException, InterruptedException {
        var command = new ArrayList<>(Launch.prefix(cpus));
        command.add(AppLauncher.currentJava());
        command.addAll(settings.gatlingJvmOptions());
        command.addAll(List.of("-cp", settings.gatlingClasspath()));
        parameters.toSystemProperties().forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-Dgatling.http.requestTimeout=" + REQUEST_TIMEOUT_MS);
        command.add("-Dgatling.data.enableAnalytics=false"); // no network calls from our runs
        command.add("-Dgatling.data.console.light=true");
        command.addAll(List.of("io.gatling.app.Gatling",
                "--simulation", workload.simulation().getName(),
                "--results-folder", resultsFolder.toString(),
                "--run-description", description));
        Files.createDirectories(resultsFolder);
        Files.deleteIfExists(parameters.output());
        Process gatling = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        // the run itself, plus time for Gatling's JVM start and its HTML report
        long limitMs = parameters.schedule().totalMs() + 180_000;
        List<ProcessSample> samples;
        try (var sampler = new ProcessSampler(gatling.pid())) {
            if (!gatling.waitFor(limitMs, TimeUnit.MILLISECONDS)) {
                gatling.destroyForcibly().waitFor();
                throw new IllegalStateException("Gatling did not finish within " + limitMs / 1000 + " s; see " + log);
            }
            sampler.close();
            samples = sampler.samples();
        }
        if (!Files.exists(parameters.output())) {
            throw new IllegalStateException("Gatling exited with status " + gatling.exitValue()
                    + " without writing " + parameters.output() + "; last lines of " + log + ":\n" + AppProcess.tail(log, 30));
        }
        return new Outcome(Json.read(parameters.output(), WorkloadMeasurement.class), newestReport(resultsFolder), samples);
    }

    private static Optional<Path> newestReport(Path resultsFolder) throws IOException {
        try (Stream<Path> runs = Files.list(resultsFolder)) {
            return runs.map(run -> run.resolve("index.html")).filter(Files::exists)
                    .max(Comparator.comparing(Path::toString));
        }
    }
}
