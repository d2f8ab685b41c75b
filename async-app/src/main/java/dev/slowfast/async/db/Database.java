package dev.slowfast.async.db;

import dev.slowfast.rules.DatabaseUrl;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The app's way into PostgreSQL: one reactive pool shared by all verticle instances, the schema
 * guaranteed before any query, and "the database is away" turned into its 503 problem.
 */
public final class Database {

    /** Instances asking for a shared pool of this name get the same one. */
    static final String POOL_NAME = "slowfast-db";
    /** How long to wait for a TCP connection to PostgreSQL: never hang. */
    static final int CONNECT_TIMEOUT_MILLIS = 1_000;

    private final Pool pool;
    private final Schema schema;

    private Database(Pool pool, Schema schema) {
        this.pool = pool;
        this.schema = schema;
    }

    /** This verticle's handle on the one shared pool; Vert.x closes the pool when its last user is undeployed. */
    public static Database shared(Vertx vertx, DatabaseUrl url, int poolSize, Duration acquireTimeout, String schemaSql) {
        Pool pool = PgBuilder.pool()
                .with(new PoolOptions()
                        .setShared(true)
                        .setName(POOL_NAME)
                        .setMaxSize(poolSize)
                        // A request waits at most this long for a free connection, then it is a 503.
                        .setConnectionTimeout(Math.toIntExact(acquireTimeout.toMillis()))
                        .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS))
                .with(new NetClientOptions().setConnectTimeout(CONNECT_TIMEOUT_MILLIS))
                .connectingTo(connectOptions(url))
                .using(vertx)
                .build();
        return new Database(pool, new Schema(pool, schemaSql));
    }

    /** Where and how to connect, from the kernel's parsed URL (the client keeps its defaults for what the URL leaves out). */
    static PgConnectOptions connectOptions(DatabaseUrl url) {
        PgConnectOptions options = new PgConnectOptions()
                .setHost(url.host())
                .setPort(url.port())
                .setDatabase(url.database())
                .setCachePreparedStatements(true);
        if (url.user() != null) {
            options.setUser(url.user());
        }
        if (url.password() != null) {
            options.setPassword(url.password());
        }
        return options;
    }

    /** Applies the schema if the database answers; a database that is down now is fine. */
    public Future<Void> prepare() {
        return schema.ensureApplied().otherwise(down -> null);
    }

    /** Runs one prepared statement, after making sure the schema exists. */
    public Future<RowSet<Row>> query(String sql, Tuple parameters) {
        return schema.ensureApplied()
                .compose(ready -> pool.preparedQuery(sql).execute(parameters))
                .recover(failure -> Future.failedFuture(DatabaseFailures.classify(failure)));
    }

    /** {@code /slow/db}: PostgreSQL waits, the event loop does not. */
    public Future<Void> sleep(long ms) {
        return query("SELECT pg_sleep($1)", Tuple.of(ms / 1000.0)).mapEmpty();
    }

    /** The pool's connections, open or opening, in use or not (for the metrics: a plain read, any thread). */
    public int openConnections() {
        return pool.size();
    }

    /** Succeeds when PostgreSQL answers a trivial query. */
    public Future<Void> ping() {
        return query("SELECT 1", Tuple.tuple()).mapEmpty();
    }
}
