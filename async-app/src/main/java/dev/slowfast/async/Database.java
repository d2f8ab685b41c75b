package dev.slowfast.async;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The app's way into PostgreSQL: one reactive pool shared by all verticle instances, the schema
 * guaranteed before any query, and failures sorted into "the database is away" (a 503) and bugs.
 */
final class Database {

    /** Instances asking for a shared pool of this name get the same one. */
    static final String POOL_NAME = "slowfast-db";
    /** How long to wait for a TCP connection to PostgreSQL: never hang. */
    static final int CONNECT_TIMEOUT_MILLIS = 1_000;
    /**
     * SQLSTATE classes meaning "cannot use the database right now": connection exception,
     * insufficient resources, operator intervention (e.g. shutdown), invalid authorization,
     * invalid catalog name (the database does not exist).
     */
    private static final Set<String> UNAVAILABLE_CLASSES = Set.of("08", "53", "57", "28", "3D");

    private final Pool pool;
    private final Schema schema;

    Database(Pool pool, Schema schema) {
        this.pool = pool;
        this.schema = schema;
    }

    static Pool sharedPool(Vertx vertx, Config config) {
        return PgBuilder.pool()
                .with(new PoolOptions()
                        .setShared(true)
                        .setName(POOL_NAME)
                        .setMaxSize(config.dbPoolSize())
                        // A request waits at most this long for a free connection, then it is a 503.
                        .setConnectionTimeout(config.dbAcquireTimeoutMs())
                        .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS))
                .with(new NetClientOptions().setConnectTimeout(CONNECT_TIMEOUT_MILLIS))
                .connectingTo(config.connectOptions().setCachePreparedStatements(true))
                .using(vertx)
                .build();
    }

    /** Applies the schema if the database answers; a database that is down now is fine. */
    Future<Void> prepare() {
        return schema.ensureApplied().otherwise(down -> null);
    }

    /** Runs one prepared statement, after making sure the schema exists. */
    Future<RowSet<Row>> query(String sql, Tuple parameters) {
        return schema.ensureApplied()
                .compose(ready -> pool.preparedQuery(sql).execute(parameters))
                .recover(failure -> Future.failedFuture(classify(failure)));
    }

    /** Succeeds when PostgreSQL answers a trivial query. */
    Future<Void> ping() {
        return query("SELECT 1", Tuple.tuple()).mapEmpty();
    }

    /** Connectivity trouble becomes {@link DatabaseUnavailableException}; SQL errors stay as they are (bugs). */
    private static Throwable classify(Throwable failure) {
        if (failure instanceof PgException error && error.getSqlState() != null
                && !UNAVAILABLE_CLASSES.contains(error.getSqlState().substring(0, 2))) {
            return failure;
        }
        return new DatabaseUnavailableException(failure);
    }
}
