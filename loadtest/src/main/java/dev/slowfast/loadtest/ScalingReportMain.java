package dev.slowfast.loadtest;

import dev.slowfast.loadtest.run.RunSettings;
import dev.slowfast.loadtest.run.ScalingRun;

/**
 * The main job's entry point: {@code -Dloadtest.profile=quick|default|full}, other {@code loadtest.*}
 * properties override single settings (see loadtest/README.md). Exits non-zero when a run failed.
 */
public final class ScalingReportMain {

    private ScalingReportMain() {
    }

    public static void main(String[] args) throws Exception {
        var results = new ScalingRun(RunSettings.fromSystemProperties(), System.out).run();
        long failed = results.runs().stream().filter(r -> r.failure() != null).count();
        if (failed > 0) {
            System.err.println(failed + " run(s) failed; see the report");
            System.exit(1);
        }
    }
}
