package dev.slowfast.downstream;

/**
 * Injected failures ({@code POST /faults}): every K-th {@code /delay} received from the moment they
 * were set answers status S at once. Touched by the one event loop only.
 */
final class Faults {

    static final int DEFAULT_STATUS = 500;

    private long failEvery;
    private int status = DEFAULT_STATUS;
    private long seen;

    /** {@code failEvery} 0 turns failures off; counting starts again from here. */
    void set(long failEvery, int status) {
        this.failEvery = failEvery;
        this.status = status;
        this.seen = 0;
    }

    void off() {
        set(0, DEFAULT_STATUS);
    }

    /** Called once per valid {@code /delay}: the status to fail it with, or 0 to serve it. */
    int next() {
        if (failEvery == 0) {
            return 0;
        }
        seen++;
        return seen % failEvery == 0 ? status : 0;
    }
}
