package dev.slowfast.reactive;

import dev.slowfast.contract.AppProcessContract;
import java.nio.file.Path;

/** The stress promises on the real jar: SIGTERM, shedding, pool and outage waits, slow headers. */
class ReactiveAppProcessContractTest extends AppProcessContract {

    @Override
    protected Path jar() {
        return Path.of("target/reactive-app.jar");
    }
}
