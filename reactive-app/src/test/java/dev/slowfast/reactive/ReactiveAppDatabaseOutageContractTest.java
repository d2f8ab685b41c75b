package dev.slowfast.reactive;

import dev.slowfast.contract.DatabaseOutageContract;
import dev.slowfast.contract.RunningApp;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NoBlockingCalls.class)
class ReactiveAppDatabaseOutageContractTest extends DatabaseOutageContract {

    @Override
    protected RunningApp startApp(String databaseUrl) {
        return TestApps.start(databaseUrl);
    }
}
