package dev.slowfast.contract;

import java.net.URI;

/**
 * Runs the whole {@link ApiContract} against a server that is already running, e.g. your own
 * deployment in CI:
 *
 * <pre>./mvnw -pl contract-tests verify -Dcontract.baseUrl=http://host:port</pre>
 *
 * The deployment brings its own database; the suite only adds contacts (each with a unique name)
 * and deletes the ones its cases delete. Only runs when {@code contract.baseUrl} is set (the
 * {@code deployed} profile in contract-tests/pom.xml).
 */
class DeployedServerContractTest extends ApiContract {

    @Override
    protected boolean needsTestDatabase() {
        return false;
    }

    @Override
    protected RunningApp startApp(String databaseUrl) {
        String baseUrl = System.getProperty("contract.baseUrl", "");
        if (baseUrl.isBlank()) {
            throw new IllegalStateException("Set -Dcontract.baseUrl=http://host:port to check a running server");
        }
        return RunningApp.of(URI.create(baseUrl.replaceAll("/+$", "")), () -> { });
    }
}
