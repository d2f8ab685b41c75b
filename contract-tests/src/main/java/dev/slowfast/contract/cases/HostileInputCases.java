package dev.slowfast.contract.cases;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.slowfast.contract.ApiClient;
import dev.slowfast.contract.ApiResponse;
import dev.slowfast.contract.Json;
import dev.slowfast.contract.Problems;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

/** Input meant to hurt (docs/contract.md, "Hostile input"): always a 4xx problem, never a 500, never a stored row. */
public abstract class HostileInputCases extends ContractCases {

    private ApiResponse postBytes(byte[] body) {
        return api().send("POST", "/contacts", ApiClient.JSON, body);
    }

    @Test
    void jsonNested10000DeepIs400() {
        String deep = "{\"name\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";
        Problems.assertProblem(api().post("/contacts", deep), Problems.BAD_REQUEST);
        String deepObjects = "{\"name\":\"a\",\"x\":" + "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000) + "}";
        Problems.assertProblem(api().post("/contacts", deepObjects), Problems.BAD_REQUEST);
    }

    @Test
    void aTenMegabyteBodyIs413() {
        byte[] body = new byte[10 * 1024 * 1024];
        java.util.Arrays.fill(body, (byte) ' ');
        body[0] = '{';
        body[body.length - 1] = '}';
        Problems.assertProblem(postBytes(body), Problems.CONTENT_TOO_LARGE);
    }

    @Test
    void aTwoThousandDigitNumberIs400() {
        String digits = "9".repeat(2000);
        Problems.assertProblem(api().post("/contacts", "{\"name\":\"Big\",\"phone\":" + digits + "}"), Problems.BAD_REQUEST);
        Problems.assertProblem(api().post("/contacts", "{\"name\":" + digits + "}"), Problems.BAD_REQUEST);
        Problems.assertProblem(api().post("/contacts", "{\"name\":\"Big\",\"email\":1e" + digits + "}"), Problems.BAD_REQUEST);
    }

    @Test
    void invalidUtf8Is400() {
        var body = new ByteArrayOutputStream();
        body.writeBytes("{\"name\":\"".getBytes(UTF_8));
        body.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE});
        body.writeBytes("\"}".getBytes(UTF_8));
        Problems.assertProblem(postBytes(body.toByteArray()), Problems.BAD_REQUEST);
    }

    @Test
    void anEscapedNulInAFieldIs422ForThatField() {
        Problems.assertValidationFailed(api().post("/contacts", Json.object("name", "Nul\u0000Name")), "name");
        Problems.assertValidationFailed(api().post("/contacts", Json.contact("Nul", "a\u0000@b", null)), "email");
        Problems.assertValidationFailed(api().post("/contacts", Json.contact("Nul", null, "555\u0000")), "phone");
    }

    @Test
    void aRawNulByteIs400() {
        byte[] body = "{\"name\":\"a\u0000b\"}".getBytes(UTF_8); // a raw control character inside a JSON string
        Problems.assertProblem(postBytes(body), Problems.BAD_REQUEST);
        Problems.assertProblem(postBytes(new byte[] {0, 0, 0, 0}), Problems.BAD_REQUEST);
    }

    @Test
    void duplicateKeysAre400() {
        Problems.assertProblem(api().post("/contacts", "{\"name\":\"First\",\"name\":\"Second\"}"), Problems.BAD_REQUEST);
        Problems.assertProblem(api().post("/contacts", "{\"name\":\"A\",\"email\":null,\"email\":\"a@b\"}"), Problems.BAD_REQUEST);
    }

    @Test
    void headersOver16KiBAre431ButLargeHeadersWithinTheLimitWork() {
        ApiResponse within = api().getWithHeader("/fast", "X-Padding", "x".repeat(12 * 1024));
        assertEquals(200, within.status(), "12 KiB of headers is within the limit");
        Problems.assertProblem(api().getWithHeader("/fast", "X-Padding", "x".repeat(17 * 1024)), Problems.HEADER_FIELDS_TOO_LARGE);
    }

    @Test
    void aTargetOver8KiBIs414ButLongTargetsWithinTheLimitWork() throws Exception {
        assertEquals(200, api().get("/fast?pad=" + "p".repeat(6 * 1024)).status(), "a 6 KiB target is within the limit");
        Problems.assertProblem(api().get("/fast?pad=" + "p".repeat(9 * 1024)), Problems.URI_TOO_LONG);
    }

    @Test
    void hostileBodiesStoreNothing() {
        String marker = uniqueName("Hostile");
        api().post("/contacts", "{\"name\":\"" + marker + "\",\"name\":\"" + marker + "\"}");
        api().post("/contacts", Json.object("name", marker + "\u0000"));
        api().post("/contacts", "{\"name\":\"" + marker + "\",\"phone\":" + "1".repeat(2000) + "}");
        assertFalse(listAll(100).stream().anyMatch(c -> c.path("name").asText().startsWith(marker)));
    }
}
