package dev.slowfast.reactive;

import dev.slowfast.contract.PipeliningContract;
import java.nio.file.Path;

/** Pipelining on the real jar: every answer in order, and TCP backpressure on a client that stops reading. */
class ReactiveAppPipeliningProcessContractTest extends PipeliningContract {

    @Override
    protected Path jar() {
        return Path.of("target/reactive-app.jar");
    }
}
