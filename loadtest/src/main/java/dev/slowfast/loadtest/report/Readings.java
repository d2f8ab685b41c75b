package dev.slowfast.loadtest.report;

import dev.slowfast.loadtest.results.Latency;
import dev.slowfast.loadtest.results.LevelResult;
import dev.slowfast.loadtest.results.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The plain-language paragraph under each chart, written from the numbers alone. */
final class Readings {

    static final double KEEPS_UP = 0.9;

    private Readings() {
    }

    static String throughput(List<RunResult> runs) {
        var sentences = new ArrayList<String>();
        boolean bounded = runs.stream().flatMap(r -> r.levels().stream()).anyMatch(l -> l.boundRps() != null);
        if (bounded) {
            sentences.add("The dashed lines are Little's law: with N users each waiting " + seconds(runs.getFirst().delayMs())
                    + ", no server completes more than N ÷ " + seconds(runs.getFirst().delayMs())
                    + " requests per second, fewer when a pool caps how many wait at once.");
        }
        for (RunResult run : runs) {
            LevelResult top = run.levels().getLast();
            if (top.boundRps() == null) {
                LevelResult best = run.levels().stream().max((a, b) -> Double.compare(a.throughputRps(), b.throughputRps())).orElseThrow();
                sentences.add(run.variant() + " peaks at " + rps(best.throughputRps()) + " at " + users(best.users())
                        + (best == top ? "" : " and gives " + rps(top.throughputRps()) + " at " + users(top.users()))
                        + " (measured at " + users(top.users()) + ": " + Causes.of(run, top) + ").");
                continue;
            }
            LevelResult firstBehind = run.levels().stream().filter(l -> !l.keepsUp(KEEPS_UP)).findFirst().orElse(null);
            LevelResult firstCapped = run.levels().stream().filter(l -> l.boundLimit() != null).findFirst().orElse(null);
            if (firstBehind == null && firstCapped != null) {
                sentences.add(run.variant() + " plateaus at " + rps(top.throughputRps()) + " from " + users(firstCapped.users())
                        + " on = " + top.boundLimit() + " ÷ " + seconds(run.delayMs()) + " (" + percent(top.boundRatio())
                        + " of that bound): requests beyond the pool wait in a queue (measured at " + users(top.users()) + ": "
                        + Causes.of(run, top) + ").");
            } else if (firstBehind == null) {
                sentences.add(run.variant() + " keeps up with the bound at every level: " + rps(top.throughputRps()) + " at "
                        + users(top.users()) + " (" + percent(top.boundRatio()) + ").");
            } else {
                int lastGood = run.levels().stream().filter(l -> l.users() < firstBehind.users() && l.keepsUp(KEEPS_UP))
                        .mapToInt(LevelResult::users).max().orElse(0);
                sentences.add(run.variant() + (lastGood > 0 ? " follows the bound up to " + users(lastGood) + ", then" : "")
                        + " falls behind at " + users(firstBehind.users()) + ": " + rps(firstBehind.throughputRps()) + ", "
                        + percent(firstBehind.boundRatio()) + " of " + rps(firstBehind.boundRps())
                        + " (measured there: " + Causes.of(run, firstBehind) + ")"
                        + (firstBehind == top ? "" : "; at " + users(top.users()) + " " + rps(top.throughputRps()) + " ("
                        + percent(top.boundRatio()) + "; measured: " + Causes.of(run, top) + ")") + ".");
            }
        }
        if (Tables.sampledDownstream(runs)) {
            sentences.add(ratioAtTop(runs));
            sentences.add(downstreamBound(runs));
        }
        generatorBound(runs).ifPresent(sentences::add);
        notRun(runs).ifPresent(sentences::add);
        return String.join(" ", sentences);
    }

    /** "At 1,000 users, of the bound: async 97%, blocking-platform 99% (200 threads), …": each variant at its top level. */
    static String ratioAtTop(List<RunResult> runs) {
        var parts = new ArrayList<String>();
        int top = runs.stream().mapToInt(r -> r.levels().getLast().users()).max().orElseThrow();
        for (RunResult run : runs) {
            LevelResult l = run.level(top);
            if (l == null || l.boundRatio() == null) {
                parts.add(run.variant() + " not measured");
                continue;
            }
            parts.add(run.variant() + " " + percent(l.boundRatio()) + " (" + rps(l.throughputRps()) + " of " + rps(l.boundRps())
                    + (l.boundLimit() == null ? "" : ", " + l.boundLimit()) + (l.boundByDownstream() ? ", downstream-bound" : "") + ")");
        }
        return "At " + users(top) + ", of the bound: " + String.join("; ", parts) + ".";
    }

    /** Which points measured downstream rather than the app, or how busy downstream was at most. */
    static String downstreamBound(List<RunResult> runs) {
        var bound = new ArrayList<String>();
        LevelResult busiest = null;
        String busiestVariant = null;
        for (RunResult run : runs) {
            for (LevelResult l : run.levels()) {
                if (l.boundByDownstream()) {
                    bound.add(run.variant() + " at " + users(l.users()) + " (" + percent(l.downstreamCpuShare()) + ")");
                }
                if (l.downstreamCpuShare() != null && (busiest == null || l.downstreamCpuShare() > busiest.downstreamCpuShare())) {
                    busiest = l;
                    busiestVariant = run.variant();
                }
            }
        }
        String threshold = percent(LevelResult.DOWNSTREAM_BUSY);
        if (!bound.isEmpty()) {
            return "Downstream-bound (downstream used ≥ " + threshold + " of its core in the window, so these points measure"
                    + " downstream, not the app): " + String.join(", ", bound) + ".";
        }
        return busiest == null ? "" : "No point was downstream-bound: downstream used at most " + percent(busiest.downstreamCpuShare())
                + " of its core (" + busiestVariant + " at " + users(busiest.users()) + "; the flag is ≥ " + threshold + ").";
    }

    /** The points where the load generator's cores (Gatling, and downstream beside it) were saturated, if any. */
    static java.util.Optional<String> generatorBound(List<RunResult> runs) {
        var bound = new ArrayList<String>();
        runs.forEach(r -> r.levels().stream().filter(LevelResult::boundByGenerator)
                .forEach(l -> bound.add(r.variant() + " at " + users(l.users()))));
        return bound.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of("Generator-bound (Gatling"
                + (Tables.sampledDownstream(runs) ? " and downstream" : "") + " used ≥ " + percent(LevelResult.GENERATOR_BUSY)
                + " of the load generator's cores, so these points measure the load side, not the app): " + String.join(", ", bound) + ".");
    }

    /** "Not run: 10,000 users (why)", once per distinct level and reason; empty when every level ran. */
    static java.util.Optional<String> notRun(List<RunResult> runs) {
        var reasons = new java.util.LinkedHashMap<Integer, String>();
        runs.forEach(r -> r.levelsNotRun().forEach(n -> reasons.putIfAbsent(n.users(), n.reason())));
        if (reasons.isEmpty()) {
            return java.util.Optional.empty();
        }
        var parts = new ArrayList<String>();
        reasons.forEach((u, reason) -> parts.add(users(u) + " (" + reason + ")"));
        return java.util.Optional.of("Not run: " + String.join("; ", parts) + ".");
    }

    static String downstreamCpu(List<RunResult> runs) {
        return "CPU time of the downstream process (one Vert.x event loop, pinned with Gatling) per second of each level's window,"
                + " as a share of one core: at " + percent(LevelResult.DOWNSTREAM_BUSY) + " or more the point is downstream-bound. "
                + downstreamBound(runs);
    }

    static String latency(List<RunResult> runs, String name, Function<Latency, Double> percentile) {
        var sentences = new ArrayList<String>();
        long delay = runs.getFirst().delayMs();
        boolean waits = runs.getFirst().levels().getFirst().boundRps() != null;
        for (RunResult run : runs) {
            var measured = run.levels().stream().filter(l -> l.latencyMs() != null).toList();
            if (measured.isEmpty()) {
                sentences.add(run.variant() + " completed no request in the measurement windows.");
                continue;
            }
            LevelResult first = measured.getFirst();
            LevelResult top = measured.getLast();
            String sentence = run.variant() + ": " + ms(percentile.apply(first.latencyMs())) + " at " + users(first.users())
                    + ", " + ms(percentile.apply(top.latencyMs())) + " at " + users(top.users());
            if (waits) {
                double factor = percentile.apply(top.latencyMs()) / delay;
                sentence += String.format(Locale.ROOT, " (%.1f× the %s delay)", factor, seconds(delay));
            }
            sentences.add(sentence + ".");
        }
        if (waits) {
            sentences.add("Anything far above the delay is time spent queuing for a worker, a connection or the CPU.");
        }
        return name + " is the latency half (p50) or 99% (p99) of successful requests stayed under. " + String.join(" ", sentences);
    }

    static String fastP99(List<RunResult> runs) {
        var sentences = new ArrayList<String>();
        for (RunResult run : runs) {
            var over = run.levels().stream().filter(l -> exceeds(WorkloadCharts.requestP99(l, "fast"), 50)).findFirst();
            LevelResult top = run.levels().getLast();
            if (over.isEmpty()) {
                sentences.add(run.variant() + " keeps /fast p99 under 50 ms at every level (" + ms(WorkloadCharts.requestP99(top, "fast"))
                        + " at " + users(top.users()) + ").");
            } else {
                sentences.add(run.variant() + " lets /fast p99 pass 50 ms from " + users(over.get().users()) + " on ("
                        + ms(WorkloadCharts.requestP99(over.get(), "fast")) + (over.get() == top ? "" : "; "
                        + ms(WorkloadCharts.requestP99(top, "fast")) + " at " + users(top.users())) + ")"
                        + (over.get().boundLimit() != null ? ": a fast request waits for one of the " + over.get().boundLimit()
                        + " that slow requests are sleeping on." : "."));
            }
        }
        return "Each user alternates /slow and /fast; this is the latency of the /fast requests only: does a slow request hold up a fast one? "
                + String.join(" ", sentences);
    }

    static String errors(List<RunResult> runs) {
        var sentences = new ArrayList<String>();
        for (RunResult run : runs) {
            run.levels().stream().filter(l -> l.errors().total() > 0).findFirst().ifPresent(first -> {
                LevelResult top = run.levels().getLast();
                sentences.add(run.variant() + " has its first failures at " + users(first.users()) + " (" + kinds(first) + ")"
                        + (first == top ? "." : "; at " + users(top.users()) + ": " + kinds(top) + "."));
            });
        }
        return sentences.isEmpty()
                ? "No request failed at any level of any variant: no unexpected status, no timeout, no refused or reset connection."
                : String.join(" ", sentences) + " Variants not named here had no failures.";
    }

    static String cpu(List<RunResult> runs) {
        LevelResult anyTop = runs.getFirst().levels().getLast();
        var parts = new ArrayList<String>();
        for (RunResult run : runs) {
            LevelResult top = run.levels().getLast();
            if (top.cpuSeconds() == null) {
                continue;
            }
            String perThousand = top.ok() == 0 ? "" : String.format(Locale.ROOT, ", %.2f s per 1,000 requests",
                    top.cpuSeconds() / top.ok() * 1000);
            parts.add(String.format(Locale.ROOT, "%s %.1f s (%s of one core%s)", run.variant(), top.cpuSeconds(),
                    percent(top.cpuSeconds() / top.windowSeconds()), perThousand));
        }
        return String.format(Locale.ROOT, "CPU time the app used during each level's %.1f s steady window. At %s: %s. "
                        + "A value near the window length means the app's core was saturated.",
                anyTop.windowSeconds(), users(anyTop.users()), String.join("; ", parts));
    }

    static String rss(List<RunResult> runs) {
        return "Peak resident memory of the app process during each level (all variants run with the same heap settings): "
                + firstToTop(runs, l -> l.peakRssMb() == null ? null : String.format(Locale.ROOT, "%.0f MB", l.peakRssMb())) + ".";
    }

    static String threads(List<RunResult> runs) {
        return "Live OS threads of the app (virtual threads are not OS threads and do not show here): "
                + firstToTop(runs, l -> l.threads() == null ? null : String.valueOf(l.threads())) + ".";
    }

    /** "variant X at the first level's users → Y at the top level's", for each run that has both figures. */
    private static String firstToTop(List<RunResult> runs, Function<LevelResult, String> figure) {
        var parts = new ArrayList<String>();
        for (RunResult run : runs) {
            LevelResult first = run.levels().getFirst();
            LevelResult top = run.levels().getLast();
            String from = figure.apply(first);
            String to = figure.apply(top);
            if (from != null && to != null) {
                parts.add(run.variant() + " " + from + " at " + users(first.users()) + " → " + to + " at " + users(top.users()));
            }
        }
        return String.join("; ", parts);
    }

    private static boolean exceeds(Double value, double limit) {
        return value != null && value > limit;
    }

    private static String kinds(LevelResult level) {
        return level.errors().status() + " status, " + level.errors().timeout() + " timeout, "
                + level.errors().connection() + " connection";
    }

    static String gcShare(List<RunResult> runs) {
        var sentences = new ArrayList<String>();
        for (RunResult run : runs) {
            run.levels().stream().filter(l -> l.metrics() != null && l.metrics().gcPauseShare() != null)
                    .max((a, b) -> Double.compare(a.metrics().gcPauseShare(), b.metrics().gcPauseShare()))
                    .ifPresent(worst -> sentences.add(run.variant() + ": at most " + percent(worst.metrics().gcPauseShare())
                            + " of the window in GC pauses, at " + users(worst.users()) + " (heap peak "
                            + percent(worst.metrics().heapPeakShare()) + " of max, " + worst.metrics().gcPauses() + " pauses)."));
        }
        return "The share of each measurement window the app spent in stop-the-world GC pauses (jvm_gc_pause_seconds):"
                + " time in which it handled no request. " + String.join(" ", sentences);
    }

    static String poolWait(List<RunResult> runs) {
        var sentences = new ArrayList<String>();
        for (RunResult run : runs) {
            run.levels().stream().filter(l -> l.metrics() != null && l.metrics().poolAcquires() != null && l.metrics().poolAcquires() > 0)
                    .reduce((first, second) -> second)
                    .ifPresent(top -> sentences.add(run.variant() + " at " + users(top.users()) + ": connection wait p99 "
                            + Causes.bucketMs(top.metrics().poolAcquireP99Ms()) + " over " + String.format(Locale.ROOT, "%,d",
                            top.metrics().poolAcquires()) + " waits, up to " + String.format(Locale.ROOT, "%,.0f",
                            top.metrics().poolPendingPeak() == null ? 0 : top.metrics().poolPendingPeak()) + " waiting at once."));
        }
        return "How long requests waited for one of the pool's connections (db_pool_acquire_seconds, p99 as the upper bound of"
                + " its histogram bucket): the time a request spends queued in front of the database. " + String.join(" ", sentences);
    }

    static String users(int users) {
        return String.format(Locale.ROOT, "%,d user%s", users, users == 1 ? "" : "s");
    }

    static String rps(double rps) {
        return (rps >= 100 ? String.format(Locale.ROOT, "%,.0f", rps) : String.format(Locale.ROOT, "%.1f", rps)) + " req/s";
    }

    static String ms(Double ms) {
        if (ms == null) {
            return "n/a";
        }
        return ms >= 1000 ? String.format(Locale.ROOT, "%.2f s", ms / 1000) : String.format(Locale.ROOT, "%.1f ms", ms);
    }

    static String seconds(long ms) {
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }

    static String percent(Double ratio) {
        return ratio == null ? "n/a" : String.format(Locale.ROOT, "%.0f%%", ratio * 100);
    }
}
