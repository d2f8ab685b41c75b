package dev.slowfast.async;

import dev.slowfast.contract.FuzzContract;
import dev.slowfast.contract.RunningApp;
import java.util.Map;

/** Thousands of mutated requests against async-app in-process, with the blocked-event-loop check on. */
class AsyncAppFuzzContractTest extends FuzzContract {

    @Override
    protected RunningApp startApp(String databaseUrl) {
        return TestApps.running(Map.of("PORT", "0", "DATABASE_URL", databaseUrl));
    }
}
