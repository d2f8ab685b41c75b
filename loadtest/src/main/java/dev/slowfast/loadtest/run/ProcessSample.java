package dev.slowfast.loadtest.run;

/** One look at the app process in /proc. {@code openFiles} is -1 when not counted this time. */
public record ProcessSample(long epochMs, double cpuSeconds, long rssKb, long hwmKb, int threads, int openFiles) {
}
