package dev.slowfast.loadtest.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the app and the load generator off each other's cores with {@code taskset}: the generator gets
 * the lower half of the CPUs, the app the upper half (on 2 cores: Gatling on CPU 0, the app on CPU 1).
 * Without taskset or with a single core both share everything, and the report says so.
 */
public record CpuPinning(String generatorCpus, String appCpus, String description) {

    public static CpuPinning detect(boolean wanted) {
        int cpus = Runtime.getRuntime().availableProcessors();
        if (!wanted) {
            return none("off (loadtest.pinning=off): app and Gatling share all " + cpus + " CPUs");
        }
        if (cpus < 2 || findOnPath("taskset") == null) {
            return none("none (" + (cpus < 2 ? "one CPU" : "taskset not found")
                    + "): app and Gatling share all " + cpus + " CPUs");
        }
        int half = cpus / 2;
        String generator = range(0, half);
        String app = range(half, cpus);
        return new CpuPinning(generator, app, "taskset: app on CPU " + app + ", Gatling on CPU " + generator
                + " (of " + cpus + "); the launcher itself is not pinned and mostly sleeps");
    }

    /** How many CPUs the generator has to itself: 0 when nothing is pinned (it shares them all with the app). */
    public int generatorCores() {
        if (generatorCpus == null) {
            return 0;
        }
        String[] range = generatorCpus.split("-");
        return range.length == 1 ? 1 : Integer.parseInt(range[1]) - Integer.parseInt(range[0]) + 1;
    }

    private static CpuPinning none(String description) {
        return new CpuPinning(null, null, description);
    }

    /** The command prefix that pins a process to {@code cpus}, or nothing. */
    public static List<String> prefix(String cpus) {
        var prefix = new ArrayList<String>();
        if (cpus != null) {
            prefix.addAll(List.of("taskset", "-c", cpus));
        }
        return prefix;
    }

    private static String range(int from, int to) {
        return to - from == 1 ? String.valueOf(from) : from + "-" + (to - 1);
    }

    private static Path findOnPath(String command) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : path.split(":")) {
            Path candidate = Path.of(dir, command);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

}
