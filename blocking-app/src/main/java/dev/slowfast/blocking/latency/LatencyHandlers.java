package dev.slowfast.blocking.latency;

import dev.slowfast.blocking.db.Database;
import dev.slowfast.rules.Primes;
import dev.slowfast.rules.QueryRules;
import io.javalin.http.Context;
import java.sql.SQLException;
import java.util.Map;
import java.util.function.Predicate;

/** The seed experiment: answer at once, wait, wait inside PostgreSQL, or compute. */
public final class LatencyHandlers {

    private final Database database;
    private final CpuPool cpuPool;
    private final Predicate<Context> clientGone;

    /** {@code clientGone} tells whether a request's client has closed its connection (asked before CPU work starts). */
    public LatencyHandlers(Database database, CpuPool cpuPool, Predicate<Context> clientGone) {
        this.database = database;
        this.cpuPool = cpuPool;
        this.clientGone = clientGone;
    }

    public void fast(Context ctx) {
        ctx.json(Map.of("message", "That was fast!"));
    }

    /** Holds the request thread for the whole wait: the point of the blocking model. */
    public void slow(Context ctx) throws InterruptedException {
        int ms = (int) QueryRules.MS.parse(ctx.queryParam("ms"));
        Thread.sleep(ms);
        ctx.json(new SlowMessage(ms));
    }

    /** The same wait, spent inside PostgreSQL: the request thread and a pooled connection are held. */
    public void slowDb(Context ctx) throws SQLException {
        int ms = (int) QueryRules.MS.parse(ctx.queryParam("ms"));
        database.sleep(ms);
        ctx.json(new SlowMessage(ms));
    }

    /** CPU-bound work on the bounded CPU pool; the request thread waits for it. */
    public void cpu(Context ctx) throws InterruptedException {
        long n = QueryRules.N.parse(ctx.queryParam("n"));
        boolean prime = cpuPool.compute(() -> Primes.isPrime(n), () -> clientGone.test(ctx));
        ctx.json(new PrimeResult(n, prime));
    }

    record SlowMessage(String message, int ms) {
        SlowMessage(int ms) {
            this("That was slow!", ms);
        }
    }

    record PrimeResult(long n, boolean prime) {
    }
}
