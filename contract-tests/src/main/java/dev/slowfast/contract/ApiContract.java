package dev.slowfast.contract;

import dev.slowfast.contract.cases.ConcurrencyCases;
import dev.slowfast.contract.cases.ContactCreateCases;
import dev.slowfast.contract.cases.ContactLifecycleCases;
import dev.slowfast.contract.cases.ContactListCases;
import dev.slowfast.contract.cases.CpuCases;
import dev.slowfast.contract.cases.HostileInputCases;
import dev.slowfast.contract.cases.OperationsCases;
import dev.slowfast.contract.cases.ProtocolCases;
import dev.slowfast.contract.cases.SlowCases;
import dev.slowfast.testkit.PostgresServer;
import dev.slowfast.testkit.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The slowfast API contract, as a suite any implementation runs (Reactive Streams TCK style):
 * extend it, start your app in {@link #startApp}, and every case below runs against it over real
 * HTTP, with every response validated against docs/openapi.yaml.
 *
 * <pre>{@code
 * class MyAppContractTest extends ApiContract {
 *     protected RunningApp startApp(String databaseUrl) {
 *         var app = MyApp.start(databaseUrl, 0);
 *         return RunningApp.of(URI.create("http://127.0.0.1:" + app.port()), app::stop);
 *     }
 * }
 * }</pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(ApiContract.ClientResolver.class)
public abstract class ApiContract {

    private TestDatabase database;
    private RunningApp app;
    private ApiClient api;

    /**
     * Starts the implementation with {@code DATABASE_URL} set to {@code databaseUrl} (a fresh,
     * empty database of this test class) and returns it once it answers.
     */
    protected abstract RunningApp startApp(String databaseUrl) throws Exception;

    /** False for a suite that checks an already running deployment, which has its own database. */
    protected boolean needsTestDatabase() {
        return true;
    }

    @BeforeAll
    void startTheApp() throws Exception {
        database = needsTestDatabase() ? PostgresServer.shared().createDatabase() : null;
        app = startApp(database == null ? null : database.url());
        api = new ApiClient(app.baseUri());
    }

    @AfterAll
    void stopTheApp() throws Exception {
        try (var db = database; var running = app) {
            // closed in reverse order: the app first, then its database
        }
    }

    // Each group's cases get this class's client injected (ClientResolver): one line a group.
    @Nested class Operations extends OperationsCases { }
    @Nested class Slow extends SlowCases { }
    @Nested class Cpu extends CpuCases { }
    @Nested class ContactCreate extends ContactCreateCases { }
    @Nested class ContactLifecycle extends ContactLifecycleCases { }
    @Nested class ContactList extends ContactListCases { }
    @Nested class Protocol extends ProtocolCases { }
    @Nested class Concurrency extends ConcurrencyCases { }
    @Nested class Hostile extends HostileInputCases { }

    /** Hands the client of the enclosing {@link ApiContract} to every {@code ApiClient} parameter of its cases. */
    static final class ClientResolver extends EnclosingContractResolver<ApiContract, ApiClient> {
        ClientResolver() {
            super(ApiContract.class, ApiClient.class, contract -> contract.api);
        }
    }
}
