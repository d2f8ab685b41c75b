package dev.slowfast.reactive;

import dev.slowfast.contract.FuzzContract;
import dev.slowfast.contract.RunningApp;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NoBlockingCalls.class)
class ReactiveAppFuzzContractTest extends FuzzContract {

    @Override
    protected RunningApp startApp(String databaseUrl) {
        return TestApps.start(databaseUrl);
    }
}
