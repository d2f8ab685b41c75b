package dev.slowfast.loadtest.run;

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

    static List<String> prefix(String cpus) {
        var prefix = new ArrayList<String>(List.of("bash", "-c",
                "ulimit -n " + WANTED_OPEN_FILES + " 2>/dev/null || ulimit -n \"$(ulimit -Hn)\"; exec \"$@\"",
                "loadtest-child"));
        prefix.addAll(CpuPinning.prefix(cpus));
        return prefix;
    }
}
