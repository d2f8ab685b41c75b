package dev.slowfast.reactive;

import dev.slowfast.contract.ApiContract;
import dev.slowfast.contract.RunningApp;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NoBlockingCalls.class)
class ReactiveAppContractTest extends ApiContract {

    @Override
    protected RunningApp startApp(String databaseUrl) {
        return TestApps.start(databaseUrl);
    }
}
