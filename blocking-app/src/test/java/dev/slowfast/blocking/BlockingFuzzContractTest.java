package dev.slowfast.blocking;

import dev.slowfast.blocking.jetty.ThreadModel;
import dev.slowfast.contract.FuzzContract;
import dev.slowfast.contract.RunningApp;

/** Ten thousand mutated requests: never a 5xx, and exactly the acknowledged contacts stored. */
class BlockingFuzzContractTest extends FuzzContract {

    @Override
    protected RunningApp startApp(String databaseUrl) {
        return TestApps.running(databaseUrl, ThreadModel.PLATFORM);
    }
}
