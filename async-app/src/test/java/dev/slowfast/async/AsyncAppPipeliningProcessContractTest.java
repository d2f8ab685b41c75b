package dev.slowfast.async;

import dev.slowfast.contract.PipeliningContract;
import java.nio.file.Path;

/** HTTP/1.1 pipelining against async-app's fat jar as its own process: answers in order, memory bounded. */
class AsyncAppPipeliningProcessContractTest extends PipeliningContract {

    @Override
    protected Path jar() {
        return Path.of("target/async-app.jar");
    }
}
