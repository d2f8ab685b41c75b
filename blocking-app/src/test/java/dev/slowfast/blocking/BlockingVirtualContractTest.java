package dev.slowfast.blocking;

import dev.slowfast.blocking.jetty.ThreadModel;
import dev.slowfast.contract.ApiContract;
import dev.slowfast.contract.RunningApp;

/** The whole contract against the app with a virtual thread per request. */
class BlockingVirtualContractTest extends ApiContract {

    @Override
    protected RunningApp startApp(String databaseUrl) {
        return TestApps.running(databaseUrl, ThreadModel.VIRTUAL);
    }
}
