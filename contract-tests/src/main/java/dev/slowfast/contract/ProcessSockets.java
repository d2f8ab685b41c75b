package dev.slowfast.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * How many TCP connections a process holds open to a port, seen from the process's own side (Linux
 * {@code /proc}): its socket inodes from {@code /proc/<pid>/fd}, matched with the ESTABLISHED rows of
 * {@code /proc/net/tcp} and {@code tcp6}. A connection the process has closed no longer counts, even
 * while the peer has not yet closed its end: that is what "the app holds" means.
 */
public final class ProcessSockets {

    private static final String ESTABLISHED = "01";

    private ProcessSockets() {
    }

    /** Fails, saying why, where {@code /proc} cannot answer (the process cases run on Linux). */
    public static void requireProc(long pid) {
        if (!Files.isDirectory(Path.of("/proc", String.valueOf(pid), "fd")) || !Files.isReadable(Path.of("/proc/net/tcp"))) {
            throw new IllegalStateException("counting an app's connections needs Linux /proc (/proc/" + pid
                    + "/fd and /proc/net/tcp): run the process cases on Linux, as .ci/run does");
        }
    }

    /** ESTABLISHED connections of process {@code pid} whose remote port is {@code remotePort}. */
    public static int established(long pid, int remotePort) {
        Set<String> inodes = socketInodes(pid);
        int count = 0;
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            List<String> rows;
            try {
                rows = Files.readAllLines(Path.of(table));
            } catch (NoSuchFileException absent) {
                continue; // no IPv6 here
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (String row : rows.subList(Math.min(1, rows.size()), rows.size())) {
                String[] f = row.trim().split("\\s+");
                // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode
                if (f.length > 9 && ESTABLISHED.equals(f[3]) && port(f[2]) == remotePort && inodes.contains(f[9])) {
                    count++;
                }
            }
        }
        return count;
    }

    /** A thread that samples {@link #established} until closed, keeping the highest count seen. */
    public static Sampler sample(long pid, int remotePort) {
        requireProc(pid);
        return new Sampler(pid, remotePort);
    }

    private static int port(String address) {
        return Integer.parseInt(address.substring(address.indexOf(':') + 1), 16);
    }

    private static Set<String> socketInodes(long pid) {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc", String.valueOf(pid), "fd"))) {
            fds.forEach(fd -> {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // the descriptor was closed between the listing and the read: not open, not counted
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list /proc/" + pid + "/fd", e);
        }
        return inodes;
    }

    /** The highest number of connections seen while it ran, and how many samples it took. */
    public static final class Sampler implements AutoCloseable {

        private final AtomicInteger peak = new AtomicInteger();
        private final AtomicInteger heldPeak = new AtomicInteger();
        private final AtomicInteger samples = new AtomicInteger();
        private final Thread thread;
        private volatile boolean running = true;
        private volatile RuntimeException failure;

        private Sampler(long pid, int remotePort) {
            thread = Thread.ofPlatform().daemon().name("socket-sampler").start(() -> {
                int previous = 0;
                while (running) {
                    try {
                        int now = established(pid, remotePort);
                        peak.accumulateAndGet(now, Math::max);
                        heldPeak.accumulateAndGet(Math.min(previous, now), Math::max);
                        previous = now;
                        samples.incrementAndGet();
                    } catch (RuntimeException e) {
                        failure = e;
                        return;
                    }
                }
            });
        }

        public int peak() {
            return peak.get();
        }

        /**
         * The most connections seen in two samples in a row. One sample is not atomic: the fd directory is read entry
         * by entry, so a connection closed during the read and the one that replaces it (a pool refilling after an
         * abort) can both be counted once; a connection really held lasts into the next sample.
         */
        public int heldPeak() {
            return heldPeak.get();
        }

        public int samples() {
            return samples.get();
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.join();
            if (failure != null) {
                throw failure;
            }
        }
    }
}
