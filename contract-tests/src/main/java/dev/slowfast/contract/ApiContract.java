package dev.slowfast.contract;

import dev.slowfast.contract.TestDatabases.TestDatabase;
import dev.slowfast.contract.cases.ConcurrencyCases;
import dev.slowfast.contract.cases.ContactCreateCases;
import dev.slowfast.contract.cases.ContactLifecycleCases;
import dev.slowfast.contract.cases.ContactListCases;
import dev.slowfast.contract.cases.CpuCases;
import dev.slowfast.contract.cases.HostileInputCases;
import dev.slowfast.contract.cases.OperationsCases;
import dev.slowfast.contract.cases.ProtocolCases;
import dev.slowfast.contract.cases.SlowCases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;

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
        database = needsTestDatabase() ? TestDatabases.shared().createDatabase() : null;
        app = startApp(database == null ? null : database.url());
        api = new ApiClient(app.baseUri());
    }

    @AfterAll
    void stopTheApp() throws Exception {
        try (var db = database; var running = app) {
            // closed in reverse order: the app first, then its database
        }
    }

    @Nested
    class Operations extends OperationsCases {
        @Override
        protected ApiClient api() {
            return api;
        }
    }

    @Nested
    class Slow extends SlowCases {
        @Override
        protected ApiClient api() {
            return api;
        }
    }

    @Nested
    class Cpu extends CpuCases {
        @Override
        protected ApiClient api() {
            return api;
        }
    }

    @Nested
    class ContactCreate extends ContactCreateCases {
        @Override
        protected ApiClient api() {
            return api;
        }
    }

    @Nested
    class ContactLifecycle extends ContactLifecycleCases {
        @Override
        protected ApiClient api() {
            return api;
        }
    }

    @Nested
    class ContactList extends ContactListCases {
        @Override
        protected ApiClient api() {
            return api;
        }
    }

    @Nested
    class Protocol extends ProtocolCases {
        @Override
        protected ApiClient api() {
            return api;
        }
    }

    @Nested
    class Concurrency extends ConcurrencyCases {
        @Override
        protected ApiClient api() {
            return api;
        }
    }

    @Nested
    class Hostile extends HostileInputCases {
        @Override
        protected ApiClient api() {
            return api;
        }
    }
}
