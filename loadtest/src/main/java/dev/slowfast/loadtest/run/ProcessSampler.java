package dev.slowfast.loadtest.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * Reads the app's CPU time ({@code /proc/<pid>/stat} utime + stime), resident memory
 * ({@code /proc/<pid>/status} VmRSS and the kernel's peak VmHWM), live threads and open file
 * descriptors every 250 ms, on a thread of the launcher so the app itself runs nothing extra.
 */
final class ProcessSampler implements AutoCloseable {

    private static final long PERIOD_MS = 250;
    /** Listing 10,000 descriptors costs a little; once a second is enough to see the peak. */
    private static final int COUNT_FILES_EVERY = 4;
    private static final double CLOCK_TICKS_PER_SECOND = clockTicks();

    private final long pid;
    private final List<ProcessSample> samples = new CopyOnWriteArrayList<>();
    private final Thread thread;

    ProcessSampler(long pid) {
        this.pid = pid;
        this.thread = Thread.ofPlatform().daemon().name("sampler-" + pid).start(this::loop);
    }

    private void loop() {
        int round = 0;
        while (!Thread.currentThread().isInterrupted()) {
            try {
                sample(round++ % COUNT_FILES_EVERY == 0).ifPresent(samples::add);
                Thread.sleep(PERIOD_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    java.util.Optional<ProcessSample> sample(boolean countFiles) {
        Path proc = Path.of("/proc", String.valueOf(pid));
        try {
            String stat = Files.readString(proc.resolve("stat"));
            // the command name in parentheses may contain spaces: fields are counted after the last ')'
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            double cpuSeconds = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / CLOCK_TICKS_PER_SECOND;
            long rss = 0;
            long hwm = 0;
            int threads = 0;
            for (String line : Files.readAllLines(proc.resolve("status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = kilobytes(line);
                } else if (line.startsWith("VmHWM:")) {
                    hwm = kilobytes(line);
                } else if (line.startsWith("Threads:")) {
                    threads = Integer.parseInt(line.substring(8).strip());
                }
            }
            int files = countFiles ? countOpenFiles(proc) : -1;
            return java.util.Optional.of(new ProcessSample(System.currentTimeMillis(), cpuSeconds, rss, hwm, threads, files));
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty(); // the process is gone or going
        }
    }

    List<ProcessSample> samples() {
        return new ArrayList<>(samples);
    }

    @Override
    public void close() throws InterruptedException {
        if (!thread.isAlive()) {
            return;
        }
        thread.interrupt();
        thread.join(2000);
        sample(true).ifPresent(samples::add);
    }

    /** The soft "Max open files" the app really got, from /proc/<pid>/limits. */
    static String openFilesLimit(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", String.valueOf(pid), "limits")).stream()
                    .filter(line -> line.startsWith("Max open files"))
                    .map(line -> line.substring("Max open files".length()).strip().split("\\s+")[0])
                    .findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static int countOpenFiles(Path proc) {
        try (Stream<Path> files = Files.list(proc.resolve("fd"))) {
            return (int) files.count();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long kilobytes(String statusLine) {
        return Long.parseLong(statusLine.replaceAll("[^0-9]", ""));
    }

    private static double clockTicks() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes()).strip();
            return getconf.waitFor() == 0 ? Double.parseDouble(out) : 100;
        } catch (IOException | InterruptedException | NumberFormatException e) {
            return 100; // the value on every common Linux
        }
    }
}
