package dev.slowfast.blocking;

import dev.slowfast.blocking.jetty.ThreadModel;
import dev.slowfast.contract.DatabaseOutageContract;
import dev.slowfast.contract.RunningApp;

/** The contract when PostgreSQL does not answer: the app starts anyway and says 503 where it needs it. */
class BlockingDatabaseOutageContractTest extends DatabaseOutageContract {

    @Override
    protected RunningApp startApp(String databaseUrl) {
        return TestApps.running(databaseUrl, ThreadModel.PLATFORM);
    }
}
