package dev.slowfast.async;

/**
 * Fails a request with a problem from the contract. Handlers fail their {@code Future} with it and
 * {@link ProblemHandler} writes it; it carries no stack trace because it is an answer, not a bug.
 */
final class ProblemException extends RuntimeException {

    private final transient Problem problem;

    ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    Problem problem() {
        return problem;
    }

    static ProblemException badRequest(String detail) {
        return new ProblemException(Problem.badRequest(detail));
    }

    static ProblemException notFound(String detail) {
        return new ProblemException(Problem.notFound(detail));
    }
}
