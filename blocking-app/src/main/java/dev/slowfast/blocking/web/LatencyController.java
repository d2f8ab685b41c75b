package dev.slowfast.blocking.web;

import io.javalin.http.Context;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;

/** The seed experiment: answer at once, wait, wait inside PostgreSQL, or compute. */
public final class LatencyController {

    private static final int MAX_MS = 60_000;
    private static final int DEFAULT_MS = 1_000;
    private static final long MAX_N = 1_000_000_000_000_000L;
    private static final long DEFAULT_N = 112_272_535_095_293L;

    private final DataSource dataSource;

    public LatencyController(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void fast(Context ctx) {
        ctx.json(Map.of("message", "That was fast!"));
    }

    /** Holds the request thread for the whole wait: the point of the blocking model. */
    public void slow(Context ctx) throws InterruptedException {
        int ms = (int) QueryParams.integer(ctx, "ms", 0, MAX_MS, DEFAULT_MS);
        Thread.sleep(ms);
        ctx.json(new SlowMessage(ms));
    }

    /** The same wait, spent inside PostgreSQL: the request thread and a pooled connection are held. */
    public void slowDb(Context ctx) throws SQLException {
        int ms = (int) QueryParams.integer(ctx, "ms", 0, MAX_MS, DEFAULT_MS);
        try (var connection = dataSource.getConnection();
             var sleep = connection.prepareStatement("SELECT pg_sleep(?)")) {
            sleep.setDouble(1, ms / 1000.0);
            sleep.execute();
        }
        ctx.json(new SlowMessage(ms));
    }

    /** CPU-bound work, right on the request thread. */
    public void cpu(Context ctx) {
        long n = QueryParams.integer(ctx, "n", 2, MAX_N, DEFAULT_N);
        ctx.json(new PrimeResult(n, Primes.isPrime(n)));
    }

    record SlowMessage(String message, int ms) {
        SlowMessage(int ms) {
            this("That was slow!", ms);
        }
    }

    record PrimeResult(long n, boolean prime) {
    }
}
