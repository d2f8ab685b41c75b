package dev.slowfast.async;

import dev.slowfast.contract.DatabaseOutageContract;
import dev.slowfast.contract.RunningApp;
import java.util.Map;

/** The contract with no database answering: async-app still starts and answers 503 where it must. */
class AsyncAppDatabaseOutageContractTest extends DatabaseOutageContract {

    @Override
    protected RunningApp startApp(String databaseUrl) {
        return TestApps.running(Map.of("PORT", "0", "DATABASE_URL", databaseUrl));
    }
}
