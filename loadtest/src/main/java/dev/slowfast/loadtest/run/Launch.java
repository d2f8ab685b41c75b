package dev.slowfast.loadtest.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The words before {@code java} on a child JVM's command line. Every child goes through
 * {@code bash -c 'ulimit -n ...'}: 10,000 users are 10,000 sockets on each side, more than a usual soft
 * open-files limit (often 1024). It asks for 65,536 and falls back to the hard limit when not allowed
 * more; {@code exec} keeps the pid, so the pid we sample and signal is the JVM's.
 */
final class Launch {

    static final int WANTED_OPEN_FILES = 65_536;

    private Launch() {
    }

    /**
     * The open-files limit every child gets: what it asks for, or the hard limit when that is lower
     * (read from this JVM's /proc/self/limits, which the children inherit). Unknown off Linux: assumed granted.
     */
    static int childOpenFilesLimit() {
        try {
            return Files.readAllLines(Path.of("/proc/self/limits")).stream()
                    .filter(line -> line.startsWith("Max open files"))
                    .map(line -> line.substring("Max open files".length()).strip().split("\\s+")[1])
                    .map(hard -> hard.equals("unlimited") ? WANTED_OPEN_FILES : (int) Math.min(WANTED_OPEN_FILES, Long.parseLong(hard)))
                    .findFirst().orElse(WANTED_OPEN_FILES);
        } catch (IOException | RuntimeException e) {
            return WANTED_OPEN_FILES;
        }
    }

    static List<String> prefix(String cpus) {
        var prefix = new ArrayList<String>(List.of("bash", "-c",
                "ulimit -n " + WANTED_OPEN_FILES + " 2>/dev/null || ulimit -n \"$(ulimit -Hn)\"; exec \"$@\"",
                "loadtest-child"));
        prefix.addAll(CpuPinning.prefix(cpus));
        return prefix;
    }
}
