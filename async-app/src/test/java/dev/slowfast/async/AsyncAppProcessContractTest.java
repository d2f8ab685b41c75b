package dev.slowfast.async;

import dev.slowfast.contract.AppProcessContract;
import java.nio.file.Path;

/** The promises under stress against the real thing: async-app's fat jar as its own process, real signals. */
class AsyncAppProcessContractTest extends AppProcessContract {

    @Override
    protected Path jar() {
        return Path.of("target/async-app.jar");
    }
}
