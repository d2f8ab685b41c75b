package dev.slowfast.async;

import dev.slowfast.contract.DownstreamContract;
import java.nio.file.Path;

/** /slow/http, /fanout and /chain against the real downstream service, from async-app's fat jar. */
class AsyncAppDownstreamProcessContractTest extends DownstreamContract {

    @Override
    protected Path jar() {
        return Path.of("target/async-app.jar");
    }
}
