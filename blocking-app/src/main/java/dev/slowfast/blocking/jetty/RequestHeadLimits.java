package dev.slowfast.blocking.jetty;

import dev.slowfast.blocking.problems.ProblemResponses;
import dev.slowfast.rules.Problem;
import dev.slowfast.rules.ProblemDetails;
import dev.slowfast.rules.ProblemType;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The limits on a request head: a target over {@code maxTargetBytes} is a 414, header fields over
 * {@code maxHeaderBytes} in all a 431.
 *
 * <p>Jetty's parser has one budget for the request line and the header fields together, so a long target would
 * eat into the room for headers. The parser's budget is therefore set to {@link #parserBudget()}, enough for both
 * maxima at once, and this handler tells the two limits apart. Heads beyond the budget never get this far:
 * Jetty answers them itself (414 while still in the target, else 431) through {@link FrameworkErrors}.
 */
final class RequestHeadLimits extends Handler.Wrapper {

    private final int maxTargetBytes;
    private final int maxHeaderBytes;

    RequestHeadLimits(int maxTargetBytes, int maxHeaderBytes) {
        this.maxTargetBytes = maxTargetBytes;
        this.maxHeaderBytes = maxHeaderBytes;
    }

    /** The longest allowed target and header block, plus room for the method, the version and line ends. */
    int parserBudget() {
        return maxTargetBytes + maxHeaderBytes + 1024;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (request.getHttpURI().getPathQuery().length() > maxTargetBytes) {
            ProblemResponses.send(response, callback, Problem.of(ProblemType.URI_TOO_LONG, ProblemDetails.URI_TOO_LONG));
            return true;
        }
        if (headerBytes(request) > maxHeaderBytes) {
            ProblemResponses.send(response, callback,
                    Problem.of(ProblemType.HEADER_FIELDS_TOO_LARGE, ProblemDetails.HEADER_FIELDS_TOO_LARGE));
            return true;
        }
        return super.handle(request, response, callback);
    }

    /** Each field as sent: {@code name: value} and a line end. */
    private static int headerBytes(Request request) {
        int bytes = 0;
        for (HttpField field : request.getHeaders()) {
            bytes += field.getName().length() + 2 + field.getValue().length() + 2;
        }
        return bytes;
    }
}
