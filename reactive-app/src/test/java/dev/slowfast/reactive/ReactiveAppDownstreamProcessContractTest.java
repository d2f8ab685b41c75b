package dev.slowfast.reactive;

import dev.slowfast.contract.DownstreamContract;
import java.nio.file.Path;

/** /slow/http, /fanout and /chain against the real downstream service, from reactive-app's fat jar. */
class ReactiveAppDownstreamProcessContractTest extends DownstreamContract {

    @Override
    protected Path jar() {
        return Path.of("target/reactive-app.jar");
    }
}
