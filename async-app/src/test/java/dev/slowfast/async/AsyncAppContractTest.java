package dev.slowfast.async;

import dev.slowfast.contract.ApiContract;
import dev.slowfast.contract.RunningApp;
import java.util.Map;

/** The shared contract suite against async-app, one verticle per event loop. */
class AsyncAppContractTest extends ApiContract {

    @Override
    protected RunningApp startApp(String databaseUrl) {
        return TestApps.running(Map.of("PORT", "0", "DATABASE_URL", databaseUrl));
    }
}
