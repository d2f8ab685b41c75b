package dev.slowfast.blocking.web;

import dev.slowfast.blocking.contacts.FieldError;
import java.util.List;

/** Thrown by handlers to answer with a problem; {@link ErrorMapping} turns it into the response. */
public final class ApiProblem extends RuntimeException {

    private final transient Problem problem;

    private ApiProblem(Problem problem) {
        super(problem.detail(), null, false, false); // an expected answer, not a failure: no stack trace
        this.problem = problem;
    }

    public static ApiProblem of(ProblemType type, String detail) {
        return new ApiProblem(Problem.of(type, detail));
    }

    public static ApiProblem badRequest(String detail) {
        return of(ProblemType.BAD_REQUEST, detail);
    }

    public static ApiProblem notFound(String detail) {
        return of(ProblemType.NOT_FOUND, detail);
    }

    public static ApiProblem validationFailed(List<FieldError> errors) {
        var type = ProblemType.VALIDATION_FAILED;
        return new ApiProblem(new Problem(type.uri(), type.title(), type.status(),
                "The contact breaks " + (errors.size() == 1 ? "a field rule." : errors.size() + " field rules."), errors));
    }

    public Problem problem() {
        return problem;
    }
}
