package dev.slowfast.contract;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * docs/openapi.yaml as an executable check: every response the suite receives goes through
 * {@link #check}. A mismatch fails the test that received it.
 */
public final class OpenApiContract {

    /** Where the build puts docs/openapi.yaml on the suite's classpath. */
    private static final String SPEC_RESOURCE = "/dev/slowfast/contract/openapi.yaml";

    /** Responses to paths or methods the spec does not list can only be checked against the Problem schema. */
    private static final Set<String> OUTSIDE_THE_SPEC =
            Set.of("validation.request.path.missing", "validation.request.operation.notAllowed");

    private static final OpenApiContract INSTANCE = new OpenApiContract();

    private final OpenAPI openApi;
    private final OpenApiInteractionValidator validator;
    private final SchemaValidator schemaValidator;

    private OpenApiContract() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true); // the validator does not follow $ref to components.responses itself
        var result = new OpenAPIParser().readContents(readSpec(), null, options);
        if (result.getOpenAPI() == null || !result.getMessages().isEmpty()) {
            throw new IllegalStateException("docs/openapi.yaml does not parse: " + result.getMessages());
        }
        this.openApi = result.getOpenAPI();
        this.validator = OpenApiInteractionValidator.createFor(openApi).build();
        this.schemaValidator = new SchemaValidator(openApi, new MessageResolver());
    }

    public static OpenApiContract instance() {
        return INSTANCE;
    }

    /** Fails with every mismatch listed when the response breaks docs/openapi.yaml. */
    public void check(ApiResponse response) {
        Request.Method method = Request.Method.valueOf(response.method().toUpperCase(Locale.ROOT));
        SimpleResponse.Builder model = SimpleResponse.Builder.status(response.status());
        response.headers().map().forEach((name, values) -> model.withHeader(name, values));
        if (!response.body().isEmpty()) {
            model.withBody(response.body());
        }
        ValidationReport report = validator.validateResponse(response.path(), method, model.build());
        // The validator matches /contacts/ to /contacts; the contract does not: paths are exact.
        boolean trailingSlash = response.path().length() > 1 && response.path().endsWith("/");
        boolean outsideTheSpec = trailingSlash
                || report.getMessages().stream().anyMatch(m -> OUTSIDE_THE_SPEC.contains(m.getKey()));
        if (outsideTheSpec) {
            report = checkProblemBody(response);
        }
        if (report.hasErrors()) {
            throw new AssertionError("Response breaks docs/openapi.yaml: " + response.describe() + "\n"
                    + report.getMessages().stream()
                            .map(m -> "  - " + m.getKey() + ": " + m.getMessage())
                            .collect(Collectors.joining("\n")));
        }
    }

    private ValidationReport checkProblemBody(ApiResponse response) {
        var problemSchema = openApi.getComponents().getSchemas().get("Problem");
        return schemaValidator.validate(response.body(), problemSchema, "response.body");
    }

    private static String readSpec() {
        try (InputStream in = OpenApiContract.class.getResourceAsStream(SPEC_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(SPEC_RESOURCE + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
