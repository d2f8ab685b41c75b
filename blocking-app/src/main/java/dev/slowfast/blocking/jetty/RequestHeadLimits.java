package dev.slowfast.blocking.jetty;

import dev.slowfast.blocking.web.ProblemType;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The contract's limits on a request head: a target over 8 KiB is a 414, header fields over 16 KiB in all a 431.
 *
 * <p>Jetty's parser has one budget for the request line and the header fields together, so a long target would
 * eat into the room for headers. The parser's budget is therefore set to {@link #PARSER_BUDGET}, enough for both
 * maxima at once, and this handler tells the two limits apart. Heads beyond the budget never get this far:
 * Jetty answers them itself (414 while still in the target, else 431) through {@link JettyErrorHandler}.
 */
final class RequestHeadLimits extends Handler.Wrapper {

    static final int MAX_TARGET_BYTES = 8 * 1024;
    static final int MAX_HEADER_BYTES = 16 * 1024;
    /** The longest allowed target and header block, plus room for the method, the version and line ends. */
    static final int PARSER_BUDGET = MAX_TARGET_BYTES + MAX_HEADER_BYTES + 1024;

    private final ProblemWriter problems;

    RequestHeadLimits(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (request.getHttpURI().getPathQuery().length() > MAX_TARGET_BYTES) {
            problems.write(response, callback, ProblemType.URI_TOO_LONG,
                    "The request target is longer than " + MAX_TARGET_BYTES + " bytes.");
            return true;
        }
        if (headerBytes(request) > MAX_HEADER_BYTES) {
            problems.write(response, callback, ProblemType.HEADER_FIELDS_TOO_LARGE,
                    "The request header fields are larger than " + MAX_HEADER_BYTES + " bytes in all.");
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
