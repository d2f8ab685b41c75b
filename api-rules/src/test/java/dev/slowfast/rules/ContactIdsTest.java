package dev.slowfast.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContactIdsTest {

    @Test
    void theCanonicalFormInEitherCaseIsAnId() {
        UUID id = UUID.fromString("0b6f1c2e-9d3a-4f5b-8c7d-1e2f3a4b5c6d");
        assertEquals(id, ContactIds.parse("0b6f1c2e-9d3a-4f5b-8c7d-1e2f3a4b5c6d"));
        assertEquals(id, ContactIds.parse("0B6F1C2E-9D3A-4F5B-8C7D-1E2F3A4B5C6D"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1-1-1-1-1", "0b6f1c2e9d3a4f5b8c7d1e2f3a4b5c6d", "{0b6f1c2e-9d3a-4f5b-8c7d-1e2f3a4b5c6d}",
            "0b6f1c2e-9d3a-4f5b-8c7d-1e2f3a4b5c6dx", "zb6f1c2e-9d3a-4f5b-8c7d-1e2f3a4b5c6d"})
    void anythingElseIsAContactNotFound(String text) {
        assertEquals(ProblemType.NOT_FOUND, assertThrows(ApiProblem.class, () -> ContactIds.parse(text)).type());
    }
}
