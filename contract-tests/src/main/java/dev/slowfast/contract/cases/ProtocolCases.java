package dev.slowfast.contract.cases;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slowfast.contract.ApiClient;
import dev.slowfast.contract.ApiResponse;
import dev.slowfast.contract.Json;
import dev.slowfast.contract.Problems;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Routing errors: unknown paths (404) and known paths with the wrong method (405 with {@code Allow}). */
public abstract class ProtocolCases extends ContractCases {

    @ParameterizedTest(name = "GET {0}")
    @ValueSource(strings = {"/", "/nope", "/fast/", "/contacts/", "/fast/extra", "/contacts/00000000-0000-0000-0000-000000000001/friends",
            "/api/contacts", "/slow/cpu"})
    void unknownPathsAre404Problems(String path) {
        Problems.assertProblem(api().get(path), Problems.NOT_FOUND);
    }

    @ParameterizedTest(name = "{0} {1} -> Allow: {2}")
    @CsvSource(delimiter = '|', value = {
            "POST   | /fast                | GET",
            "DELETE | /slow                | GET",
            "PUT    | /slow/db             | GET",
            "POST   | /cpu                 | GET",
            "POST   | /health              | GET",
            "DELETE | /ready               | GET",
            "DELETE | /contacts            | GET, POST",
            "PUT    | /contacts            | GET, POST",
            "PATCH  | /contacts            | GET, POST",
            "POST   | /contacts/{id}       | DELETE, GET, PUT",
            "PATCH  | /contacts/{id}       | DELETE, GET, PUT"})
    void wrongMethodsAre405WithTheAllowedMethods(String method, String path, String allowed) {
        String target = path.replace("{id}", UUID.randomUUID().toString());
        byte[] body = method.equals("DELETE") ? null : Json.object("name", "Wrong Method").getBytes(UTF_8);
        ApiResponse response = api().send(method, target, body == null ? null : ApiClient.JSON, body);

        Problems.assertProblem(response, Problems.METHOD_NOT_ALLOWED);
        assertEquals(methods(allowed), methods(response.header("Allow").orElse("")),
                () -> "Allow lists exactly the path's methods: " + response.headers().map());
    }

    private static Set<String> methods(String header) {
        return Arrays.stream(header.split(","))
                .map(String::trim)
                .filter(m -> !m.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
