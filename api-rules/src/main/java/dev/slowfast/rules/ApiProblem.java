package dev.slowfast.rules;

import java.time.Duration;
import java.util.List;

/**
 * Thrown (or, in asynchronous code, failed with) to answer a request with a problem. Every app maps
 * it to its framework's response in its {@code problems} package. The factories hold the one wording
 * of each detail, so the three apps say the same thing for the same mistake.
 */
public final class ApiProblem extends RuntimeException {

    private final transient Problem problem;

    public ApiProblem(Problem problem) {
        super(problem.detail(), null, false, false); // an expected answer, not a failure: no stack trace
        this.problem = problem;
    }

    public static ApiProblem of(ProblemType type, String detail) {
        return new ApiProblem(Problem.of(type, detail));
    }

    public static ApiProblem badRequest(String detail) {
        return of(ProblemType.BAD_REQUEST, detail);
    }

    public static ApiProblem validationFailed(List<FieldError> errors) {
        String detail = "The contact breaks " + (errors.size() == 1 ? "a field rule." : errors.size() + " field rules.");
        return new ApiProblem(new Problem(ProblemType.VALIDATION_FAILED, detail, errors));
    }

    public static ApiProblem contactNotFound() {
        return of(ProblemType.NOT_FOUND, "No contact has this id.");
    }

    /** A downstream call took longer than {@code DOWNSTREAM_TIMEOUT_MS}. */
    public static ApiProblem downstreamTimeout(Duration timeout) {
        return of(ProblemType.DOWNSTREAM_TIMEOUT, "The downstream service did not answer within " + timeout.toMillis() + " ms.");
    }

    /** Downstream refused the connection, is unreachable, or answered something other than its 200. */
    public static ApiProblem downstreamUnavailable() {
        return of(ProblemType.DOWNSTREAM_UNAVAILABLE, "The downstream service could not be reached or gave no valid answer.");
    }

    public Problem problem() {
        return problem;
    }

    public ProblemType type() {
        return problem.type();
    }
}
